using System.Text.Json;
using Librato.Emulator.Storage;

namespace Librato.Emulator.Submission;

/// <summary>
/// One gauge or counter as found in a legacy body. <see cref="Label"/> names it in error messages
/// (<c>gauges[3]</c>); <see cref="Key"/> is its key when the collection was an object, which is the
/// metric name in the hashed-by-name layout.
/// </summary>
internal readonly record struct LegacyEntry(MetricType Type, string Label, string? Key, JsonElement Element);
