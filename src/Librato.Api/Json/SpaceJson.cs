using System.Collections.Generic;
using System.Text.Json;

namespace Librato.Api
{
    /// <summary>Reads spaces: list pages (<c>spaces:[{id,name}]</c>) and one space (which also lists its charts' ids).</summary>
    internal static class SpaceJson
    {
        public static Page<LibratoSpace> ReadPage(byte[] body) => PageJson.ReadObjects(body, "spaces", "a page of spaces", Read);

        public static LibratoSpace Read(byte[] body)
        {
            using (var doc = MetricJson.Parse(body))
            {
                if (doc.RootElement.ValueKind != JsonValueKind.Object)
                {
                    throw new MalformedBodyException("a space must be a JSON object");
                }

                return Read(doc.RootElement);
            }
        }

        public static byte[] Write(string? name, bool? tags) => JsonWriting.Object(w =>
        {
            if (name != null)
            {
                w.WriteString("name", name);
            }

            if (tags.HasValue)
            {
                w.WriteBoolean("tags", tags.Value);
            }
        });

        private static LibratoSpace Read(JsonElement e)
        {
            var tags = e.TryGetProperty("tags", out var t) && (t.ValueKind == JsonValueKind.True || t.ValueKind == JsonValueKind.False)
                ? t.ValueKind == JsonValueKind.True
                : (bool?)null;
            List<long>? chartIds = null;
            if (e.TryGetProperty("charts", out var charts) && charts.ValueKind == JsonValueKind.Array)
            {
                chartIds = new List<long>();
                foreach (var chart in charts.EnumerateArray())
                {
                    if (chart.ValueKind == JsonValueKind.Object && JsonValues.Long(chart, "id") is long id)
                    {
                        chartIds.Add(id);
                    }
                }
            }

            return new LibratoSpace
            {
                Id = JsonValues.Long(e, "id") ?? 0,
                Name = JsonValues.String(e, "name") ?? string.Empty,
                Tags = tags,
                ChartIds = chartIds,
            };
        }
    }
}
