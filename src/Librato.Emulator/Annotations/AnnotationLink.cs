namespace Librato.Emulator.Annotations;

/// <summary>A link of an annotation event; <see cref="Rel"/> is unique within its event.</summary>
internal sealed record AnnotationLink(string Rel, string? Label, string Href);
