using System.Collections.Generic;
using System.Text.Json;

namespace Librato.Api
{
    /// <summary>
    /// Reads series answers: tagged reads (<c>series[].measurements[]</c> with <c>time</c>), tagged composites (the same
    /// shape, or a bare array of series) and legacy composites (<c>measurements[].series[]</c> with <c>measure_time</c>).
    /// </summary>
    internal static class SeriesJson
    {
        public static SeriesRead ReadTagged(byte[] body, string metric)
        {
            using (var doc = MetricJson.Parse(body))
            {
                var root = doc.RootElement;
                var points = new List<LibratoMeasurement>();
                var series = root.ValueKind == JsonValueKind.Array ? root : root.TryGetProperty("series", out var s) ? s : default;
                if (series.ValueKind == JsonValueKind.Array)
                {
                    foreach (var one in series.EnumerateArray())
                    {
                        var name = one.TryGetProperty("metric", out var m) && m.ValueKind == JsonValueKind.Object
                            ? JsonValues.String(m, "name") ?? metric
                            : JsonValues.String(root.ValueKind == JsonValueKind.Object ? root : one, "name") ?? metric;
                        var tags = one.TryGetProperty("tags", out var t) ? new TagSet(JsonValues.ToStringMap(t)) : new TagSet();
                        if (one.TryGetProperty("measurements", out var list) && list.ValueKind == JsonValueKind.Array)
                        {
                            foreach (var p in list.EnumerateArray())
                            {
                                points.Add(ReadPoint(name, null, tags, p, "time"));
                            }
                        }
                    }
                }

                var resolution = root.ValueKind == JsonValueKind.Object ? JsonValues.Int(root, "resolution") : null;
                return new SeriesRead(points, resolution, root.ValueKind == JsonValueKind.Object ? NextLink(root) : null);
            }
        }

        public static SeriesRead ReadLegacyComposite(byte[] body)
        {
            using (var doc = MetricJson.Parse(body))
            {
                var root = doc.RootElement;
                var points = new List<LibratoMeasurement>();
                if (root.TryGetProperty("measurements", out var measurements) && measurements.ValueKind == JsonValueKind.Array)
                {
                    foreach (var one in measurements.EnumerateArray())
                    {
                        var name = one.TryGetProperty("query", out var q) ? JsonValues.String(q, "metric") : null;
                        if (one.TryGetProperty("metric", out var m) && m.ValueKind == JsonValueKind.Object)
                        {
                            name = JsonValues.String(m, "name") ?? name;
                        }

                        var source = one.TryGetProperty("source", out var s) && s.ValueKind == JsonValueKind.Object ? JsonValues.String(s, "name") : null;
                        if (one.TryGetProperty("series", out var series) && series.ValueKind == JsonValueKind.Array)
                        {
                            foreach (var p in series.EnumerateArray())
                            {
                                points.Add(ReadPoint(name ?? string.Empty, source, null, p, "measure_time"));
                            }
                        }
                    }
                }

                return new SeriesRead(points, JsonValues.Int(root, "resolution"), null);
            }
        }

        private static LibratoMeasurement ReadPoint(string metric, string? source, IDictionary<string, string>? tags, JsonElement p, string timeProperty) =>
            new LibratoMeasurement
            {
                Metric = metric,
                Source = source,
                Tags = tags,
                Time = EpochTime.ToDateTime(JsonValues.Long(p, timeProperty) ?? 0),
                Value = JsonValues.Double(p, "value"),
                Count = JsonValues.Long(p, "count"),
                Sum = JsonValues.Double(p, "sum"),
                Min = JsonValues.Double(p, "min"),
                Max = JsonValues.Double(p, "max"),
                Last = JsonValues.Double(p, "last"),
                StdDev = JsonValues.Double(p, "stddev"),
            };

        private static string? NextLink(JsonElement root)
        {
            if (!root.TryGetProperty("links", out var links) || links.ValueKind != JsonValueKind.Array)
            {
                return null;
            }

            foreach (var link in links.EnumerateArray())
            {
                if (link.ValueKind == JsonValueKind.Object && JsonValues.String(link, "rel") == "next")
                {
                    return JsonValues.String(link, "href");
                }
            }

            return null;
        }
    }
}
