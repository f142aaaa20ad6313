using System;
using System.Collections.Generic;
using System.Text.Json;

namespace Librato.Api
{
    /// <summary>Reads the pagination envelope <c>query{found,length,offset,total}</c>.</summary>
    internal static class PageJson
    {
        /// <summary>
        /// Reads a page whose body must be an object, its items the objects in the array under <paramref name="key"/>;
        /// anything else in that array is passed over.
        /// </summary>
        public static Page<T> ReadObjects<T>(byte[] body, string key, string what, Func<JsonElement, T> read)
        {
            using (var doc = MetricJson.Parse(body))
            {
                var root = doc.RootElement;
                ServiceJson.RequireObject(root, what);
                var items = new List<T>();
                if (root.TryGetProperty(key, out var list) && list.ValueKind == JsonValueKind.Array)
                {
                    foreach (var e in list.EnumerateArray())
                    {
                        if (e.ValueKind == JsonValueKind.Object)
                        {
                            items.Add(read(e));
                        }
                    }
                }

                return Read(root, items);
            }
        }

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
