using System.Collections.Generic;

namespace Librato.Emulator.Alerts;

/// <summary>
/// One condition of an alert. <see cref="Type"/> is above, below or absent; <see cref="Threshold"/> and
/// <see cref="SummaryFunction"/> are set for above and below only.
/// </summary>
internal sealed record AlertCondition(
    long Id,
    string Type,
    string MetricName,
    string? Source,
    double? Threshold,
    string? SummaryFunction,
    long? Duration,
    bool DetectReset,
    IReadOnlyList<AlertTag> Tags);
