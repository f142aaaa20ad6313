using System.Collections.Generic;
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

        // Encoded once: a property name given as a string is transcoded and checked for escaping at every write.
        private static readonly JsonEncodedText Gauges = JsonEncodedText.Encode("gauges");
        private static readonly JsonEncodedText Counters = JsonEncodedText.Encode("counters");
        private static readonly JsonEncodedText Measurements = JsonEncodedText.Encode("measurements");
        private static readonly JsonEncodedText NameField = JsonEncodedText.Encode("name");
        private static readonly JsonEncodedText ValueField = JsonEncodedText.Encode("value");
        private static readonly JsonEncodedText MeasureTime = JsonEncodedText.Encode("measure_time");
        private static readonly JsonEncodedText TimeField = JsonEncodedText.Encode("time");
        private static readonly JsonEncodedText CountField = JsonEncodedText.Encode("count");
        private static readonly JsonEncodedText SumField = JsonEncodedText.Encode("sum");
        private static readonly JsonEncodedText MinField = JsonEncodedText.Encode("min");
        private static readonly JsonEncodedText MaxField = JsonEncodedText.Encode("max");
        private static readonly JsonEncodedText PeriodField = JsonEncodedText.Encode("period");
        private static readonly JsonEncodedText DescriptionField = JsonEncodedText.Encode("description");
        private static readonly JsonEncodedText SourceField = JsonEncodedText.Encode(SourceTag);
        private static readonly JsonEncodedText SumSquaresField = JsonEncodedText.Encode("sum_squares");
        private static readonly JsonEncodedText LastField = JsonEncodedText.Encode("last");
        private static readonly JsonEncodedText StdDevField = JsonEncodedText.Encode("stddev");
        private static readonly JsonEncodedText TagsField = JsonEncodedText.Encode("tags");

        [MethodImpl(HotPath.Optimized)]
        public static PooledBuffer Legacy(IReadOnlyList<Measurement> batch)
        {
            var buffer = new PooledBuffer(batch.Count * 96);
            using (var w = new Utf8JsonWriter(buffer, Options))
            {
                w.WriteStartObject();
                WriteLegacyGroup(w, Gauges, batch, MetricType.Gauge);
                WriteLegacyGroup(w, Counters, batch, MetricType.Counter);
                w.WriteEndObject();
            }

            return buffer;
        }

        [MethodImpl(HotPath.Optimized)]
        public static PooledBuffer Tagged(IReadOnlyList<Measurement> batch)
        {
            var buffer = new PooledBuffer(batch.Count * 128);
            using (var w = new Utf8JsonWriter(buffer, Options))
            {
                w.WriteStartObject();
                w.WriteStartArray(Measurements);
                foreach (var m in batch)
                {
                    w.WriteStartObject();
                    WriteCommon(w, m, TimeField);
                    WriteOptional(w, LastField, m.Last);
                    WriteOptional(w, StdDevField, m.StdDev ?? StdDevFromSquares(m));
                    w.WriteStartObject(TagsField);
                    WriteTags(w, m.Tags!);

                    // The tagged route has no sources; keep a source as a tag rather than dropping it.
                    if (m.Source != null && !m.Tags!.ContainsKey(SourceTag))
                    {
                        w.WriteString(SourceField, m.Source);
                    }

                    w.WriteEndObject();
                    w.WriteEndObject();
                }

                w.WriteEndArray();
                w.WriteEndObject();
            }

            return buffer;
        }

        [MethodImpl(HotPath.Optimized)]
        private static void WriteLegacyGroup(Utf8JsonWriter w, JsonEncodedText property, IReadOnlyList<Measurement> batch, MetricType type)
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
                WriteCommon(w, m, MeasureTime);
                if (m.Source != null)
                {
                    w.WriteString(SourceField, m.Source);
                }

                WriteOptional(w, SumSquaresField, m.SumSquares);
                w.WriteEndObject();
            }

            if (started)
            {
                w.WriteEndArray();
            }
        }

        [MethodImpl(HotPath.Optimized)]
        private static void WriteCommon(Utf8JsonWriter w, Measurement m, JsonEncodedText timeProperty)
        {
            w.WriteString(NameField, m.Name);
            WriteOptional(w, ValueField, m.Value);
            if (m.Time.HasValue)
            {
                w.WriteNumber(timeProperty, m.Time.Value);
            }

            if (m.Count.HasValue)
            {
                w.WriteNumber(CountField, m.Count.Value);
            }

            WriteOptional(w, SumField, m.Sum);
            WriteOptional(w, MinField, m.Min);
            WriteOptional(w, MaxField, m.Max);
            if (m.Period.HasValue)
            {
                w.WriteNumber(PeriodField, m.Period.Value);
            }

            if (m.Description != null)
            {
                w.WriteString(DescriptionField, m.Description);
            }
        }

        [MethodImpl(HotPath.Optimized)]
        private static void WriteTags(Utf8JsonWriter w, IDictionary<string, string> tags)
        {
            foreach (var tag in TagPairs.Of(tags))
            {
                w.WriteString(tag.Key, tag.Value);
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

        [MethodImpl(HotPath.Optimized)]
        private static void WriteOptional(Utf8JsonWriter w, JsonEncodedText property, double? value)
        {
            if (value.HasValue)
            {
                JsonDecimal.Write(w, property, value.Value);
            }
        }
    }
}
