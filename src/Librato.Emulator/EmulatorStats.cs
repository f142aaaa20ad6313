using System.Collections.Generic;

namespace Librato.Emulator;

/// <summary>Counts for one account. Measurements are stored points, after same-time replacement.</summary>
public sealed record EmulatorStats(
    int Metrics,
    int Series,
    long Measurements,
    IReadOnlyDictionary<string, EmulatorMetricStats> PerMetric);
