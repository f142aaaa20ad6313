using System.Collections.Generic;
using System.Text.Json;

namespace Librato.Api
{
    /// <summary>Reads metric objects, metric list pages and legacy measurement reads.</summary>
    internal static class MetricJson
    {
        public static LibratoMetric ReadMetric(JsonElement e)
        {
            var metric = new LibratoMetric
            {
                Name = JsonValues.String(e, "name") ?? string.Empty,
                DisplayName = JsonValues.String(e, "display_name"),
                Description = JsonValues.String(e, "description"),
                Type = JsonValues.String(e, "type") ?? "gauge",
                Period = JsonValues.Int(e, "period"),
                SourceLag = JsonValues.Int(e, "source_lag"),
                Composite = JsonValues.String(e, "composite"),
                Resolution = JsonValues.Int(e, "resolution"),
            };
            if (e.TryGetProperty("attributes", out var attributes))
            {
                metric.Attributes = JsonValues.ToDictionary(attributes);
            }

            return metric;
        }

        public static Page<LibratoMetric> ReadMetricPage(byte[] body)
        {
            using (var doc = Parse(body))
            {
                var root = doc.RootElement;
                var items = new List<LibratoMetric>();
                if (root.TryGetProperty("metrics", out var metrics) && metrics.ValueKind == JsonValueKind.Array)
                {
                    foreach (var m in metrics.EnumerateArray())
                    {
                        items.Add(ReadMetric(m));
                    }
                }

                return PageJson.Read(root, items);
            }
        }

        /// <summary>Reads <c>GET /v1/metrics/:name</c>: the metric, its points by source, and <c>query.next_time</c>.</summary>
        public static LegacyRead ReadLegacy(byte[] body)
        {
            using (var doc = Parse(body))
            {
                var root = doc.RootElement;
                var metric = ReadMetric(root);
                if (root.TryGetProperty("measurements", out var bySource) && bySource.ValueKind == JsonValueKind.Object)
                {
                    foreach (var source in bySource.EnumerateObject())
                    {
                        if (source.Value.ValueKind != JsonValueKind.Array)
                        {
                            continue;
                        }

                        foreach (var point in source.Value.EnumerateArray())
                        {
                            metric.Measurements.Add(ReadLegacyPoint(metric.Name, source.Name, point));
                        }
                    }
                }

                long? nextTime = null;
                if (root.TryGetProperty("query", out var query) && query.ValueKind == JsonValueKind.Object)
                {
                    nextTime = JsonValues.Long(query, "next_time");
                }

                return new LegacyRead(metric, nextTime);
            }
        }

        private static LibratoMeasurement ReadLegacyPoint(string metric, string source, JsonElement p) => new LibratoMeasurement
        {
            Metric = metric,
            Source = source,
            Time = EpochTime.ToDateTime(JsonValues.Long(p, "measure_time") ?? 0),
            Value = JsonValues.Double(p, "value"),
            Count = JsonValues.Long(p, "count"),
            Sum = JsonValues.Double(p, "sum"),
            Min = JsonValues.Double(p, "min"),
            Max = JsonValues.Double(p, "max"),
            SumSquares = JsonValues.Double(p, "sum_squares"),
            Rollups = JsonValues.Long(p, "rollups"),
            Summarized = JsonValues.Long(p, "summarized"),
        };

        internal static JsonDocument Parse(byte[] body)
        {
            try
            {
                return JsonDocument.Parse(body);
            }
            catch (JsonException ex)
            {
                throw new MalformedBodyException("the response body is not valid JSON: " + ex.Message, ex);
            }
        }
    }
}
