namespace Librato.Emulator.Annotations;

/// <summary>A named annotation stream; its events are kept by <see cref="AnnotationStore"/>.</summary>
internal sealed record AnnotationStream(string Name, string DisplayName);
