using System.Collections.Generic;
using System.Text.Json;

namespace Librato.Emulator.Storage;

/// <summary>A consistent copy of a metric's descriptive fields, taken under the metric's lock.</summary>
internal sealed record MetricMetadata(
    string Name,
    MetricType Type,
    string? DisplayName,
    string? Description,
    long? Period,
    string? Composite,
    IReadOnlyList<KeyValuePair<string, JsonElement>> Attributes);
