using System.Collections.Generic;

namespace Librato.Emulator;

/// <summary>A copy of one stored series: legacy series have a <see cref="Source"/> (or none), tagged ones have <see cref="Tags"/>.</summary>
public sealed record EmulatorSeries(
    string? Source,
    IReadOnlyDictionary<string, string>? Tags,
    IReadOnlyList<EmulatorPoint> Points);
