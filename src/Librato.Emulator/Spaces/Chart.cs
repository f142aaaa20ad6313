using System.Collections.Generic;

namespace Librato.Emulator.Spaces;

/// <summary>A chart of a space. Optional fields are null when not set and are then left out of responses.</summary>
internal sealed record Chart(
    long Id,
    long SpaceId,
    string Name,
    string Type,
    IReadOnlyList<ChartStream> Streams,
    double? Min,
    double? Max,
    string? Label,
    long? RelatedSpace,
    IReadOnlyList<ChartThreshold>? Thresholds,
    bool? UseLogYAxis,
    bool? UseLastValue);
