using System.Collections.Generic;
using System.Text.Json;

namespace Librato.Emulator.Storage;

/// <summary>The properties a metric gets when it is created; later submissions never change them.</summary>
internal readonly record struct MetricCreation(
    string? CreatedByUserAgent,
    string? DisplayName,
    string? Description,
    long? Period,
    string? Composite,
    IReadOnlyList<KeyValuePair<string, JsonElement>>? Attributes);
