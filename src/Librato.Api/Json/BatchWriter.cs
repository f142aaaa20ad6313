using System.Collections.Generic;
using System.IO;
using System.Runtime.CompilerServices;
using System.Text.Json;

namespace Librato.Api
{
    /// <summary>Writes submission bodies: legacy (<c>gauges</c>/<c>counters</c>) and tagged (<c>measurements</c>).</summary>
    internal static class BatchWriter
    {
        /// <summary>The tag a tagged measurement's source is sent as.</summary>
        public const string SourceTag = "source";

        private static readonly JsonWriterOptions Options = new JsonWriterOptions { SkipValidation = true };

        [MethodImpl(HotPath.Optimized)]
        public static byte[] Legacy(IReadOnlyList<Measurement> batch)
        {
            using (var stream = new MemoryStream(batch.Count * 96))
            {
                using (var w = new Utf8JsonWriter(stream, Options))
                {
                    w.WriteStartObject();
                    WriteLegacyGroup(w, "gauges", batch, MetricType.Gauge);
                    WriteLegacyGroup(w, "counters", batch, MetricType.Counter);
                    w.WriteEndObject();
                }

                return stream.ToArray();
            }
        }

        [MethodImpl(HotPath.Optimized)]
        public static byte[] Tagged(IReadOnlyList<Measurement> batch)
        {
            using (var stream = new MemoryStream(batch.Count * 128))
            {
                using (var w = new Utf8JsonWriter(stream, Options))
                {
                    w.WriteStartObject();
                    w.WriteStartArray("measurements");
                    foreach (var m in batch)
                    {
                        w.WriteStartObject();
                        WriteCommon(w, m, "time");
                        WriteOptional(w, "last", m.Last);
                        WriteOptional(w, "stddev", m.StdDev ?? StdDevFromSquares(m));
                        w.WriteStartObject("tags");
                        foreach (var tag in m.Tags!)
                        {
                            w.WriteString(tag.Key, tag.Value);
                        }

                        // The tagged route has no sources; keep a source as a tag rather than dropping it.
                        if (m.Source != null && !m.Tags.ContainsKey(SourceTag))
                        {
                            w.WriteString(SourceTag, m.Source);
                        }

                        w.WriteEndObject();
                        w.WriteEndObject();
                    }

                    w.WriteEndArray();
                    w.WriteEndObject();
                }

                return stream.ToArray();
            }
        }

        [MethodImpl(HotPath.Optimized)]
        private static void WriteLegacyGroup(Utf8JsonWriter w, string property, IReadOnlyList<Measurement> batch, MetricType type)
        {
            var started = false;
            foreach (var m in batch)
            {
                if (m.Type != type)
                {
                    continue;
                }

                if (!started)
                {
                    w.WriteStartArray(property);
                    started = true;
                }

                w.WriteStartObject();
                WriteCommon(w, m, "measure_time");
                if (m.Source != null)
                {
                    w.WriteString("source", m.Source);
                }

                WriteOptional(w, "sum_squares", m.SumSquares);
                w.WriteEndObject();
            }

            if (started)
            {
                w.WriteEndArray();
            }
        }

        [MethodImpl(HotPath.Optimized)]
        private static void WriteCommon(Utf8JsonWriter w, Measurement m, string timeProperty)
        {
            w.WriteString("name", m.Name);
            if (m.Value.HasValue)
            {
                w.WriteNumber("value", m.Value.Value);
            }

            if (m.Time.HasValue)
            {
                w.WriteNumber(timeProperty, m.Time.Value);
            }

            if (m.Count.HasValue)
            {
                w.WriteNumber("count", m.Count.Value);
            }

            WriteOptional(w, "sum", m.Sum);
            WriteOptional(w, "min", m.Min);
            WriteOptional(w, "max", m.Max);
            if (m.Period.HasValue)
            {
                w.WriteNumber("period", m.Period.Value);
            }

            if (m.Description != null)
            {
                w.WriteString("description", m.Description);
            }
        }

        // The tagged route has no sum_squares; a population standard deviation carries the same information.
        private static double? StdDevFromSquares(Measurement m)
        {
            if (!m.SumSquares.HasValue || !m.Sum.HasValue || !m.Count.HasValue || m.Count.Value < 1)
            {
                return null;
            }

            var mean = m.Sum.Value / m.Count.Value;
            return System.Math.Sqrt(System.Math.Max(0, (m.SumSquares.Value / m.Count.Value) - (mean * mean)));
        }

        private static void WriteOptional(Utf8JsonWriter w, string property, double? value)
        {
            if (value.HasValue)
            {
                w.WriteNumber(property, value.Value);
            }
        }
    }
}
