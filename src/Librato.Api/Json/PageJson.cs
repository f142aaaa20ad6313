using System.Collections.Generic;
using System.Text.Json;

namespace Librato.Api
{
    /// <summary>Reads the pagination envelope <c>query{found,length,offset,total}</c>.</summary>
    internal static class PageJson
    {
        public static Page<T> Read<T>(JsonElement root, IReadOnlyList<T> items)
        {
            var offset = 0;
            var found = items.Count;
            var total = items.Count;
            var length = items.Count;
            if (root.TryGetProperty("query", out var q) && q.ValueKind == JsonValueKind.Object)
            {
                offset = JsonValues.Int(q, "offset") ?? 0;
                length = JsonValues.Int(q, "length") ?? items.Count;
                total = JsonValues.Int(q, "total") ?? items.Count;

                // Some answers carry only total; found never exceeds it.
                found = JsonValues.Int(q, "found") ?? total;
            }

            return new Page<T>(items, offset, length, found, total);
        }
    }
}
