using System.Collections.Generic;
using Librato.Emulator.Annotations;

namespace Librato.Emulator.Persistence;

/// <summary>An annotation stream with its events, as the data file keeps it.</summary>
internal sealed record SavedStream(string Name, string DisplayName, IReadOnlyList<AnnotationEvent> Events);
