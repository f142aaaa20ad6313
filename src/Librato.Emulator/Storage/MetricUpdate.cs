using System.Collections.Generic;
using System.Text.Json;

namespace Librato.Emulator.Storage;

/// <summary>The fields a PUT on an existing metric sets; absent fields keep their value.</summary>
internal sealed class MetricUpdate
{
    public Optional<string?> DisplayName { get; init; }

    public Optional<string?> Description { get; init; }

    public Optional<long?> Period { get; init; }

    public Optional<string?> Composite { get; init; }

    public IReadOnlyList<KeyValuePair<string, JsonElement>> Attributes { get; init; } =
        new List<KeyValuePair<string, JsonElement>>();
}
