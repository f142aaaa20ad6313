using System;
using System.Collections.Generic;
using System.IO;
using System.Text.Json;

namespace Librato.Api
{
    /// <summary>The spool file format: every field of every measurement, times included, so a later send is identical.</summary>
    internal static class OutboxJson
    {
        public const int Version = 1;

        public static byte[] Write(IReadOnlyList<Measurement> batch, string reason)
        {
            using (var stream = new MemoryStream())
            {
                using (var w = new Utf8JsonWriter(stream))
                {
                    w.WriteStartObject();
                    w.WriteNumber("version", Version);
                    w.WriteNumber("created", EpochTime.Now());
                    w.WriteString("reason", reason);
                    w.WriteStartArray("measurements");
                    foreach (var m in batch)
                    {
                        w.WriteStartObject();
                        w.WriteString("name", m.Name);
                        w.WriteString("type", m.Type == MetricType.Counter ? "counter" : "gauge");
                        WriteNumber(w, "value", m.Value);
                        WriteNumber(w, "time", m.Time);
                        WriteNumber(w, "period", m.Period);
                        WriteNumber(w, "count", m.Count);
                        WriteNumber(w, "sum", m.Sum);
                        WriteNumber(w, "min", m.Min);
                        WriteNumber(w, "max", m.Max);
                        WriteNumber(w, "sum_squares", m.SumSquares);
                        WriteNumber(w, "last", m.Last);
                        WriteNumber(w, "stddev", m.StdDev);
                        if (m.Source != null)
                        {
                            w.WriteString("source", m.Source);
                        }

                        if (m.Description != null)
                        {
                            w.WriteString("description", m.Description);
                        }

                        if (m.Tags != null)
                        {
                            w.WriteStartObject("tags");
                            foreach (var tag in m.Tags)
                            {
                                w.WriteString(tag.Key, tag.Value);
                            }

                            w.WriteEndObject();
                        }

                        w.WriteEndObject();
                    }

                    w.WriteEndArray();
                    w.WriteEndObject();
                }

                return stream.ToArray();
            }
        }

        /// <summary>Reads a spool file; throws <see cref="InvalidDataException"/> for anything that is not a complete one.</summary>
        public static List<Measurement> Read(byte[] content)
        {
            try
            {
                using (var doc = JsonDocument.Parse(content))
                {
                    var root = doc.RootElement;
                    if (JsonValues.Int(root, "version") != Version || !root.TryGetProperty("measurements", out var items) || items.ValueKind != JsonValueKind.Array)
                    {
                        throw new InvalidDataException("not an outbox batch of a known version");
                    }

                    var result = new List<Measurement>();
                    foreach (var item in items.EnumerateArray())
                    {
                        var name = JsonValues.String(item, "name") ?? throw new InvalidDataException("a measurement without a name");
                        result.Add(new Measurement(name)
                        {
                            Type = JsonValues.String(item, "type") == "counter" ? MetricType.Counter : MetricType.Gauge,
                            Value = JsonValues.Double(item, "value"),
                            Time = JsonValues.Long(item, "time"),
                            Period = JsonValues.Int(item, "period"),
                            Count = JsonValues.Long(item, "count"),
                            Sum = JsonValues.Double(item, "sum"),
                            Min = JsonValues.Double(item, "min"),
                            Max = JsonValues.Double(item, "max"),
                            SumSquares = JsonValues.Double(item, "sum_squares"),
                            Last = JsonValues.Double(item, "last"),
                            StdDev = JsonValues.Double(item, "stddev"),
                            Source = JsonValues.String(item, "source"),
                            Description = JsonValues.String(item, "description"),
                            Tags = item.TryGetProperty("tags", out var tags) && tags.ValueKind == JsonValueKind.Object ? JsonValues.ToStringMap(tags) : null,
                        });
                    }

                    if (result.Count == 0)
                    {
                        throw new InvalidDataException("an empty batch");
                    }

                    return result;
                }
            }
            catch (JsonException ex)
            {
                throw new InvalidDataException("not valid JSON: " + ex.Message, ex);
            }
        }

        private static void WriteNumber(Utf8JsonWriter w, string name, double? value)
        {
            if (value.HasValue)
            {
                w.WriteNumber(name, value.Value);
            }
        }

        private static void WriteNumber(Utf8JsonWriter w, string name, long? value)
        {
            if (value.HasValue)
            {
                w.WriteNumber(name, value.Value);
            }
        }
    }
}
