namespace Librato.Emulator.Spaces;

/// <summary>A space. <see cref="Tags"/> is the "tagged space" flag some clients send; null when never sent.</summary>
internal sealed record Space(long Id, string Name, bool? Tags);
