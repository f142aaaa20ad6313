using System.Collections.Generic;
using System.Text.Json;
using Librato.Emulator.Storage;

namespace Librato.Emulator.Submission;

/// <summary>
/// Gathers the entries of <c>gauges</c> and <c>counters</c> from any of the three layouts: an array, an object
/// hashed by metric name, or an object indexed by position ("0", "1", ...) whose entries carry their own name.
/// </summary>
internal static class LegacyEntryCollector
{
    /// <summary>Adds the collection's entries; false when the property is neither an array nor an object.</summary>
    public static bool TryCollect(JsonElement root, string property, MetricType type, List<LegacyEntry> entries)
    {
        if (!root.TryGetProperty(property, out var collection) || collection.ValueKind == JsonValueKind.Null)
        {
            return true;
        }

        if (collection.ValueKind == JsonValueKind.Array)
        {
            int index = 0;
            foreach (var element in collection.EnumerateArray())
            {
                entries.Add(new LegacyEntry(type, $"{property}[{index}]", null, element));
                index++;
            }

            return true;
        }

        if (collection.ValueKind == JsonValueKind.Object)
        {
            foreach (var member in collection.EnumerateObject())
            {
                entries.Add(new LegacyEntry(type, $"{property}[{member.Name}]", member.Name, member.Value));
            }

            return true;
        }

        return false;
    }
}
