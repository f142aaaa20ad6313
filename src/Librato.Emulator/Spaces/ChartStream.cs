using System.Collections.Generic;

namespace Librato.Emulator.Spaces;

/// <summary>
/// One stream of a chart: either <see cref="Metric"/> (with a source or tags) or <see cref="Composite"/>.
/// Every field but the id is optional and is returned only when it was set.
/// </summary>
internal sealed record ChartStream(
    long Id,
    string? Metric,
    string? Source,
    IReadOnlyList<StreamTag>? Tags,
    string? Composite,
    string? GroupFunction,
    string? SummaryFunction,
    string? DownsampleFunction,
    string? Color,
    string? Name,
    string? UnitsShort,
    string? UnitsLong,
    double? Min,
    double? Max,
    long? Period,
    string? TransformFunction,
    bool? SplitAxis,
    bool? GapDetection,
    long? Position);
