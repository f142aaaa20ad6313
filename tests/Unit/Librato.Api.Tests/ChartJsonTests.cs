using System;
using System.Collections.Generic;
using System.Linq;
using System.Text;
using System.Text.Json;
using Librato.Api;
using Xunit;

namespace Librato.Api.Tests
{
    public class ChartJsonTests
    {
        private static LibratoChartStream FullStream() => new LibratoChartStream
        {
            Id = 77,
            Type = "gauge",
            Metric = "cpu",
            Source = "web-*",
            Tags = new List<LibratoChartStreamTag> { new LibratoChartStreamTag("env", new[] { "prod", "stage" }, grouped: true, dynamic: false) },
            GroupFunction = "sum",
            SummaryFunction = "max",
            DownsampleFunction = "min",
            Name = "legend",
            Color = "#52D74C",
            UnitsShort = "ms",
            UnitsLong = "milliseconds",
            Min = 0.5,
            Max = 99,
            Period = 60,
            TransformFunction = "x/p",
            SplitAxis = true,
            GapDetection = false,
            Position = 3,
        };

        private static JsonElement Parse(byte[] body) => JsonDocument.Parse(body).RootElement.Clone();

        [Fact]
        public void Every_stream_field_that_is_set_is_written()
        {
            var chart = new LibratoChart { Name = "all", Streams = { FullStream() } };
            var stream = Parse(ChartJson.WriteCreate(chart)).GetProperty("streams")[0];

            var written = stream.EnumerateObject().Select(p => p.Name).ToList();
            // A stream has a metric or a composite; the composite is checked below.
            var expected = ChartJson.StreamFields.Where(f => f != "id" && f != "type" && f != "composite").ToList();
            Assert.Equal(expected.OrderBy(f => f), written.OrderBy(f => f));
            Assert.Equal("cpu", stream.GetProperty("metric").GetString());
            Assert.Equal("web-*", stream.GetProperty("source").GetString());
            Assert.Equal("sum", stream.GetProperty("group_function").GetString());
            Assert.Equal("max", stream.GetProperty("summary_function").GetString());
            Assert.Equal("min", stream.GetProperty("downsample_function").GetString());
            Assert.Equal("legend", stream.GetProperty("name").GetString());
            Assert.Equal("#52D74C", stream.GetProperty("color").GetString());
            Assert.Equal("ms", stream.GetProperty("units_short").GetString());
            Assert.Equal("milliseconds", stream.GetProperty("units_long").GetString());
            Assert.Equal(0.5, stream.GetProperty("min").GetDouble());
            Assert.Equal(99, stream.GetProperty("max").GetDouble());
            Assert.Equal(60, stream.GetProperty("period").GetInt32());
            Assert.Equal("x/p", stream.GetProperty("transform_function").GetString());
            Assert.True(stream.GetProperty("split_axis").GetBoolean());
            Assert.False(stream.GetProperty("gap_detection").GetBoolean());
            Assert.Equal(3, stream.GetProperty("position").GetInt32());
            var tag = stream.GetProperty("tags")[0];
            Assert.Equal("env", tag.GetProperty("name").GetString());
            Assert.Equal(new[] { "prod", "stage" }, tag.GetProperty("values").EnumerateArray().Select(v => v.GetString()));
            Assert.True(tag.GetProperty("grouped").GetBoolean());
            Assert.False(tag.GetProperty("dynamic").GetBoolean());

            var composite = Parse(ChartJson.WriteCreate(new LibratoChart { Name = "c", Streams = { new LibratoChartStream { Composite = "s(\"a\", \"*\")" } } }))
                .GetProperty("streams")[0];
            Assert.Equal("s(\"a\", \"*\")", composite.GetProperty("composite").GetString());
        }

        [Fact]
        public void A_stream_reads_back_as_it_was_written()
        {
            var chart = new LibratoChart { Name = "all", Streams = { FullStream() } };
            var read = ChartJson.Read(ChartJson.WriteCreate(chart), 5).Streams.Single();

            Assert.Equal(ChartComparison.StreamText(FullStream()), ChartComparison.StreamText(read));
            Assert.Equal(0, read.Id);
        }

        [Fact]
        public void A_new_chart_sends_its_fields_but_no_stream_ids_and_no_unset_fields()
        {
            var chart = new LibratoChart
            {
                Name = "memory",
                Type = "stacked",
                Min = 0,
                Max = 50,
                Label = "GB",
                RelatedSpace = 12,
                UseLogYAxis = true,
                UseLastValue = false,
                Thresholds = new List<LibratoChartThreshold> { new LibratoChartThreshold(">", 90, "red") },
                Streams = { new LibratoChartStream { Id = 5, Metric = "memory.free", Source = "*" } },
            };
            var body = Parse(ChartJson.WriteCreate(chart));

            Assert.Equal("memory", body.GetProperty("name").GetString());
            Assert.Equal("stacked", body.GetProperty("type").GetString());
            Assert.Equal(12, body.GetProperty("related_space").GetInt64());
            Assert.True(body.GetProperty("use_log_yaxis").GetBoolean());
            Assert.False(body.GetProperty("use_last_value").GetBoolean());
            Assert.Equal(">", body.GetProperty("thresholds")[0].GetProperty("operator").GetString());
            Assert.False(body.GetProperty("streams")[0].TryGetProperty("id", out _));

            var bare = Parse(ChartJson.WriteCreate(new LibratoChart { Name = "cpu" }));
            Assert.Equal(new[] { "name", "type", "streams" }, bare.EnumerateObject().Select(p => p.Name));
        }

        [Fact]
        public void An_update_sends_what_is_set_clears_what_is_named_and_keeps_stream_ids_when_asked()
        {
            var update = new ChartUpdate { Min = 1, Streams = new List<LibratoChartStream> { new LibratoChartStream { Id = 9, Metric = "m" } }, KeepStreamIds = true };
            update.Clear.Add("label");
            update.Clear.Add("thresholds");
            var body = Parse(ChartJson.WriteUpdate(update));

            Assert.Equal(new[] { "min", "label", "thresholds", "streams" }, body.EnumerateObject().Select(p => p.Name));
            Assert.Equal(JsonValueKind.Null, body.GetProperty("label").ValueKind);
            Assert.Equal(JsonValueKind.Null, body.GetProperty("thresholds").ValueKind);
            Assert.Equal(9, body.GetProperty("streams")[0].GetProperty("id").GetInt64());
        }

        [Fact]
        public void Replacing_sends_every_field_and_clears_the_unset_optional_ones()
        {
            var chart = new LibratoChart { Name = "cpu", Type = "line", Min = 0, Streams = { new LibratoChartStream { Id = 3, Metric = "cpu" } } };
            var body = Parse(ChartJson.WriteUpdate(ChartUpdate.Replacing(chart, keepStreamIds: true)));

            Assert.Equal(0, body.GetProperty("min").GetDouble());
            foreach (var field in ChartUpdate.OptionalFields.Where(f => f != "min"))
            {
                Assert.Equal(JsonValueKind.Null, body.GetProperty(field).ValueKind);
            }

            Assert.Equal(3, body.GetProperty("streams")[0].GetProperty("id").GetInt64());
        }

        [Fact]
        public void An_update_for_changed_fields_sets_only_those()
        {
            var desired = new LibratoChart { Name = "cpu", Max = 10, Streams = { new LibratoChartStream { Metric = "cpu", Source = "*" } } };
            var body = Parse(ChartJson.WriteUpdate(ChartUpdate.For(desired, new[] { "max", "label" })));

            Assert.Equal(new[] { "max", "label" }, body.EnumerateObject().Select(p => p.Name));
            Assert.Equal(10, body.GetProperty("max").GetDouble());
            Assert.Equal(JsonValueKind.Null, body.GetProperty("label").ValueKind);
            Assert.Throws<ArgumentException>(() => ChartUpdate.For(desired, new[] { "colour" }));
        }

        [Fact]
        public void Charts_are_read_from_a_bare_array_with_their_space_and_stream_types()
        {
            var body = Encoding.UTF8.GetBytes(
                "[{\"id\":1,\"name\":\"cpu\",\"type\":\"bignumber\",\"streams\":[{\"id\":2,\"metric\":\"cpu\",\"type\":\"counter\",\"source\":\"*\"}]," +
                "\"thresholds\":null,\"use_last_value\":true,\"related_space\":4,\"something_new\":{\"a\":1}},{\"id\":3,\"name\":\"empty\"}]");
            var charts = ChartJson.ReadList(body, 42);

            Assert.Equal(2, charts.Count);
            Assert.All(charts, c => Assert.Equal(42, c.SpaceId));
            Assert.Equal("bignumber", charts[0].Type);
            Assert.Null(charts[0].Thresholds);
            Assert.True(charts[0].UseLastValue);
            Assert.Equal(4, charts[0].RelatedSpace);
            Assert.Equal("counter", charts[0].Streams[0].Type);
            Assert.Equal(2, charts[0].Streams[0].Id);
            Assert.Equal("line", charts[1].Type);
            Assert.Empty(charts[1].Streams);
        }

        [Fact]
        public void A_chart_list_that_is_not_an_array_is_malformed()
        {
            Assert.Throws<MalformedBodyException>(() => ChartJson.ReadList(Encoding.UTF8.GetBytes("{\"name\":\"x\"}"), 1));
            Assert.Throws<MalformedBodyException>(() => ChartJson.ReadList(Encoding.UTF8.GetBytes("<html>"), 1));
        }

        [Fact]
        public void Comparison_names_the_changed_fields_and_ignores_ids_and_reported_types()
        {
            var current = new LibratoChart
            {
                Id = 1,
                SpaceId = 2,
                Name = "cpu",
                Min = 0,
                Streams = { new LibratoChartStream { Id = 7, Type = "gauge", Metric = "cpu", Source = "*" } },
            };
            var same = new LibratoChart { Name = "cpu", Min = 0, Streams = { new LibratoChartStream { Metric = "cpu", Source = "*" } } };
            Assert.Empty(ChartComparison.ChangedFields(current, same));

            var other = new LibratoChart
            {
                Name = "CPU",
                Type = "stacked",
                Label = "%",
                Thresholds = new List<LibratoChartThreshold>(),
                Streams = { new LibratoChartStream { Metric = "cpu", Source = "web-*" } },
            };
            Assert.Equal(new[] { "name", "type", "min", "label", "thresholds", "streams" }, ChartComparison.ChangedFields(current, other));
        }
    }
}
