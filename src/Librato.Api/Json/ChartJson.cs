using System;
using System.Collections.Generic;
using System.Text.Json;

namespace Librato.Api
{
    /// <summary>
    /// Reads charts and their streams (leniently from the API, strictly from definition files) and writes chart
    /// bodies. Every documented stream field is written when set: nothing set on a stream is left out.
    /// </summary>
    internal static class ChartJson
    {
        internal static readonly string[] ChartFields =
        {
            "id", "name", "type", "min", "max", "label", "related_space", "use_log_yaxis", "use_last_value", "thresholds", "streams",
        };

        internal static readonly string[] StreamFields =
        {
            "id", "type", "metric", "composite", "source", "tags", "group_function", "summary_function", "downsample_function",
            "name", "color", "units_short", "units_long", "min", "max", "period", "transform_function", "split_axis",
            "gap_detection", "position",
        };

        private static readonly string[] TagFields = { "name", "values", "grouped", "dynamic" };
        private static readonly string[] ThresholdFields = { "operator", "value", "type" };

        /// <summary><c>GET /v1/spaces/:id/charts</c>: a bare array; an object with <c>charts</c> is read as well.</summary>
        public static IReadOnlyList<LibratoChart> ReadList(byte[] body, long spaceId)
        {
            using (var doc = MetricJson.Parse(body))
            {
                var root = doc.RootElement;
                var list = root.ValueKind == JsonValueKind.Array ? root
                    : root.ValueKind == JsonValueKind.Object && root.TryGetProperty("charts", out var c) && c.ValueKind == JsonValueKind.Array ? c
                    : throw new MalformedBodyException("a chart list must be a JSON array");
                var charts = new List<LibratoChart>();
                foreach (var e in list.EnumerateArray())
                {
                    if (e.ValueKind == JsonValueKind.Object)
                    {
                        charts.Add(Read(new JsonFields(e, string.Empty, false), spaceId, readRelatedSpace: true));
                    }
                }

                return charts;
            }
        }

        public static LibratoChart Read(byte[] body, long spaceId)
        {
            using (var doc = MetricJson.Parse(body))
            {
                if (doc.RootElement.ValueKind != JsonValueKind.Object)
                {
                    throw new MalformedBodyException("a chart must be a JSON object");
                }

                return Read(new JsonFields(doc.RootElement, string.Empty, false), spaceId, readRelatedSpace: true);
            }
        }

        /// <summary>
        /// Reads a chart's fields; strict readers fail on unknown fields and values of the wrong kind. A definition
        /// file holds the related space by name, which its reader handles (<paramref name="readRelatedSpace"/> false).
        /// </summary>
        internal static LibratoChart Read(JsonFields f, long spaceId, bool readRelatedSpace, bool strict = false)
        {
            f.OnlyKnown(ChartFields);
            var chart = new LibratoChart
            {
                Id = f.Long("id") ?? 0,
                SpaceId = spaceId,
                Name = f.Required("name"),
                Type = f.String("type") ?? LibratoChart.Line,
                Min = f.Double("min"),
                Max = f.Double("max"),
                Label = f.String("label"),
                RelatedSpace = readRelatedSpace ? f.Long("related_space") : null,
                UseLogYAxis = f.Bool("use_log_yaxis"),
                UseLastValue = f.Bool("use_last_value"),
            };
            if (strict && Array.IndexOf(new[] { LibratoChart.Line, LibratoChart.Stacked, LibratoChart.BigNumber }, chart.Type) < 0)
            {
                throw new FormatException($"'{f.PathOf("type")}' must be line, stacked or bignumber.");
            }

            var streams = f.Array("streams");
            if (streams.ValueKind == JsonValueKind.Array)
            {
                var i = 0;
                foreach (var s in streams.EnumerateArray())
                {
                    var path = f.PathOf("streams") + "[" + i++ + "]";
                    if (s.ValueKind == JsonValueKind.Object || strict)
                    {
                        chart.Streams.Add(ReadStream(new JsonFields(s, path, strict), strict));
                    }
                }
            }

            var thresholds = f.Get("thresholds");
            if (thresholds.ValueKind == JsonValueKind.Array)
            {
                chart.Thresholds = new List<LibratoChartThreshold>();
                var i = 0;
                foreach (var t in thresholds.EnumerateArray())
                {
                    var tf = new JsonFields(t, f.PathOf("thresholds") + "[" + i++ + "]", strict);
                    if (t.ValueKind != JsonValueKind.Object)
                    {
                        continue;
                    }

                    tf.OnlyKnown(ThresholdFields);
                    if (strict && !tf.IsSet("value"))
                    {
                        throw new FormatException($"'{tf.PathOf("value")}' is required.");
                    }

                    chart.Thresholds.Add(new LibratoChartThreshold(tf.Required("operator"), tf.Double("value") ?? 0, tf.Required("type")));
                }
            }
            else
            {
                f.Array("thresholds");
            }

            return chart;
        }

        internal static LibratoChartStream ReadStream(JsonFields f, bool strict)
        {
            f.OnlyKnown(StreamFields);
            var stream = new LibratoChartStream
            {
                Id = f.Long("id") ?? 0,
                Type = f.String("type"),
                Metric = f.String("metric"),
                Composite = f.String("composite"),
                Source = f.String("source"),
                GroupFunction = f.String("group_function"),
                SummaryFunction = f.String("summary_function"),
                DownsampleFunction = f.String("downsample_function"),
                Name = f.String("name"),
                Color = f.String("color"),
                UnitsShort = f.String("units_short"),
                UnitsLong = f.String("units_long"),
                Min = f.Double("min"),
                Max = f.Double("max"),
                Period = f.Int("period"),
                TransformFunction = f.String("transform_function"),
                SplitAxis = f.Bool("split_axis"),
                GapDetection = f.Bool("gap_detection"),
                Position = f.Int("position"),
            };
            if (strict && stream.Metric == null && stream.Composite == null)
            {
                throw new FormatException($"'{f.Path}' needs a metric or a composite.");
            }

            var tags = f.Array("tags");
            if (tags.ValueKind == JsonValueKind.Array)
            {
                stream.Tags = new List<LibratoChartStreamTag>();
                var i = 0;
                foreach (var t in tags.EnumerateArray())
                {
                    var tf = new JsonFields(t, f.PathOf("tags") + "[" + i++ + "]", strict);
                    if (t.ValueKind != JsonValueKind.Object)
                    {
                        continue;
                    }

                    tf.OnlyKnown(TagFields);
                    var tag = new LibratoChartStreamTag { Name = tf.Required("name"), Grouped = tf.Bool("grouped"), Dynamic = tf.Bool("dynamic") };
                    var values = tf.Array("values");
                    if (values.ValueKind == JsonValueKind.Array)
                    {
                        foreach (var v in values.EnumerateArray())
                        {
                            if (v.ValueKind == JsonValueKind.String)
                            {
                                tag.Values.Add(v.GetString()!);
                            }
                            else if (strict)
                            {
                                throw new FormatException($"'{tf.PathOf("values")}' must be a list of strings.");
                            }
                        }
                    }

                    stream.Tags.Add(tag);
                }
            }

            return stream;
        }

        /// <summary>The body of <c>POST /v1/spaces/:id/charts</c>.</summary>
        public static byte[] WriteCreate(LibratoChart chart) => JsonWriting.Object(w =>
            WriteFields(w, chart, withStreamIds: false, w2 => WriteOptional(w2, "related_space", chart.RelatedSpace)));

        /// <summary>The body of <c>PUT /v1/spaces/:id/charts/:chart_id</c>.</summary>
        public static byte[] WriteUpdate(ChartUpdate update) => JsonWriting.Object(w =>
        {
            WriteOptional(w, "name", update.Name);
            WriteOptional(w, "type", update.Type);
            WriteOptional(w, "min", update.Min, update.Clear);
            WriteOptional(w, "max", update.Max, update.Clear);
            WriteOptional(w, "label", update.Label, update.Clear);
            WriteOptional(w, "related_space", update.RelatedSpace, update.Clear);
            WriteOptional(w, "use_log_yaxis", update.UseLogYAxis, update.Clear);
            WriteOptional(w, "use_last_value", update.UseLastValue, update.Clear);
            if (update.Thresholds != null)
            {
                WriteThresholds(w, update.Thresholds);
            }
            else if (update.Clear.Contains("thresholds"))
            {
                w.WriteNull("thresholds");
            }

            if (update.Streams != null)
            {
                WriteStreams(w, update.Streams, update.KeepStreamIds);
            }
        });

        /// <summary>
        /// A chart's fields in a stable order; <paramref name="writeRelatedSpace"/> writes <c>related_space</c>, which
        /// the API takes as an id and a definition file as a name.
        /// </summary>
        internal static void WriteFields(Utf8JsonWriter w, LibratoChart chart, bool withStreamIds, Action<Utf8JsonWriter> writeRelatedSpace)
        {
            w.WriteString("name", chart.Name);
            w.WriteString("type", chart.Type);
            WriteOptional(w, "min", chart.Min);
            WriteOptional(w, "max", chart.Max);
            WriteOptional(w, "label", chart.Label);
            writeRelatedSpace(w);
            WriteOptional(w, "use_log_yaxis", chart.UseLogYAxis);
            WriteOptional(w, "use_last_value", chart.UseLastValue);
            if (chart.Thresholds != null)
            {
                WriteThresholds(w, chart.Thresholds);
            }

            WriteStreams(w, chart.Streams, withStreamIds);
        }

        internal static void WriteStream(Utf8JsonWriter w, LibratoChartStream s, bool withId)
        {
            w.WriteStartObject();
            if (withId && s.Id != 0)
            {
                w.WriteNumber("id", s.Id);
            }

            WriteOptional(w, "metric", s.Metric);
            WriteOptional(w, "composite", s.Composite);
            WriteOptional(w, "source", s.Source);
            if (s.Tags != null)
            {
                w.WriteStartArray("tags");
                foreach (var tag in s.Tags)
                {
                    w.WriteStartObject();
                    w.WriteString("name", tag.Name);
                    w.WriteStartArray("values");
                    foreach (var value in tag.Values)
                    {
                        w.WriteStringValue(value);
                    }

                    w.WriteEndArray();
                    WriteOptional(w, "grouped", tag.Grouped);
                    WriteOptional(w, "dynamic", tag.Dynamic);
                    w.WriteEndObject();
                }

                w.WriteEndArray();
            }

            WriteOptional(w, "group_function", s.GroupFunction);
            WriteOptional(w, "summary_function", s.SummaryFunction);
            WriteOptional(w, "downsample_function", s.DownsampleFunction);
            WriteOptional(w, "name", s.Name);
            WriteOptional(w, "color", s.Color);
            WriteOptional(w, "units_short", s.UnitsShort);
            WriteOptional(w, "units_long", s.UnitsLong);
            WriteOptional(w, "min", s.Min);
            WriteOptional(w, "max", s.Max);
            WriteOptional(w, "period", s.Period);
            WriteOptional(w, "transform_function", s.TransformFunction);
            WriteOptional(w, "split_axis", s.SplitAxis);
            WriteOptional(w, "gap_detection", s.GapDetection);
            WriteOptional(w, "position", s.Position);
            w.WriteEndObject();
        }

        private static void WriteStreams(Utf8JsonWriter w, IList<LibratoChartStream> streams, bool withIds)
        {
            w.WriteStartArray("streams");
            foreach (var s in streams)
            {
                WriteStream(w, s, withIds);
            }

            w.WriteEndArray();
        }

        private static void WriteThresholds(Utf8JsonWriter w, IList<LibratoChartThreshold> thresholds)
        {
            w.WriteStartArray("thresholds");
            foreach (var t in thresholds)
            {
                w.WriteStartObject();
                w.WriteString("operator", t.Operator);
                w.WriteNumber("value", t.Value);
                w.WriteString("type", t.Type);
                w.WriteEndObject();
            }

            w.WriteEndArray();
        }

        /// <summary>Empty text counts as unset: PowerShell turns $null into "" when it sets a string property.</summary>
        internal static void WriteOptional(Utf8JsonWriter w, string name, string? value, ISet<string>? clear = null)
        {
            if (!string.IsNullOrEmpty(value))
            {
                w.WriteString(name, value);
            }
            else if (clear != null && clear.Contains(name))
            {
                w.WriteNull(name);
            }
        }

        internal static void WriteOptional(Utf8JsonWriter w, string name, double? value, ISet<string>? clear = null) =>
            WriteOptional(w, name, value, (writer, n, v) => writer.WriteNumber(n, v), clear);

        internal static void WriteOptional(Utf8JsonWriter w, string name, long? value, ISet<string>? clear = null) =>
            WriteOptional(w, name, value, (writer, n, v) => writer.WriteNumber(n, v), clear);

        internal static void WriteOptional(Utf8JsonWriter w, string name, bool? value, ISet<string>? clear = null) =>
            WriteOptional(w, name, value, (writer, n, v) => writer.WriteBoolean(n, v), clear);

        /// <summary>Writes a value that is set; one that is unset is written as null only when it is to be cleared.</summary>
        private static void WriteOptional<T>(Utf8JsonWriter w, string name, T? value, Action<Utf8JsonWriter, string, T> write, ISet<string>? clear)
            where T : struct
        {
            if (value.HasValue)
            {
                write(w, name, value.Value);
            }
            else if (clear != null && clear.Contains(name))
            {
                w.WriteNull(name);
            }
        }
    }
}
