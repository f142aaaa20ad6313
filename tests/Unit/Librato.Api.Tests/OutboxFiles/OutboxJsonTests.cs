using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text;
using Librato.Api;
using Xunit;

namespace Librato.Api.Tests.OutboxFiles
{
    public class OutboxJsonTests
    {
        private const string Header = "{\"librato_outbox\":2,\"created\":1}\n";

        private static OutboxContent Read(string text) => OutboxJson.Read(Encoding.UTF8.GetBytes(text));

        private static string Lines(params Measurement[] measurements)
        {
            // One writer for every line, as a file uses it; a small buffer, so that lines cross its growth.
            using var buffer = new PooledBuffer(256);
            using var writer = OutboxJson.CreateWriter(buffer);
            OutboxJson.WriteHeader(writer, buffer, 1796644800);
            foreach (var m in measurements)
            {
                OutboxJson.WriteMeasurement(writer, buffer, m);
            }

            return Encoding.UTF8.GetString(buffer.Array, 0, buffer.Length);
        }

        [Fact]
        public void Every_field_of_a_measurement_comes_back_as_it_was_written()
        {
            var full = new Measurement("app.latency")
            {
                Type = MetricType.Counter,
                Time = 1796644800,
                Period = 60,
                Count = 3,
                Sum = 1.5,
                Min = 0.25,
                Max = 0.75,
                SumSquares = 0.875,
                Last = 0.5,
                StdDev = 0.2041241452319315,
                Source = "web-1",
                Description = "Latency \"quoted\" é",
                Tags = new Dictionary<string, string> { ["region"] = "us-east", ["Host"] = "a/b" },
            };
            var plain = new Measurement("m", -1e-300) { Time = 0 };
            var content = Read(Lines(full, plain));

            var back = content.Measurements[0];
            Assert.Equal(full.Name, back.Name);
            Assert.Equal(MetricType.Counter, back.Type);
            Assert.Null(back.Value);
            Assert.Equal(full.Time, back.Time);
            Assert.Equal(full.Period, back.Period);
            Assert.Equal(full.Count, back.Count);
            Assert.Equal(full.Sum, back.Sum);
            Assert.Equal(full.Min, back.Min);
            Assert.Equal(full.Max, back.Max);
            Assert.Equal(full.SumSquares, back.SumSquares);
            Assert.Equal(full.Last, back.Last);
            Assert.Equal(full.StdDev, back.StdDev);
            Assert.Equal(full.Source, back.Source);
            Assert.Equal(full.Description, back.Description);
            Assert.Equal(full.Tags.OrderBy(t => t.Key), back.Tags!.OrderBy(t => t.Key));
            Assert.Equal("a/b", back.Tags!["host"]);

            Assert.Equal(MetricType.Gauge, content.Measurements[1].Type);
            Assert.Equal(-1e-300, content.Measurements[1].Value);
            Assert.Equal(0, content.Measurements[1].Time);
            Assert.Null(content.Measurements[1].Tags);
            Assert.Equal(new[] { false, false }, content.Acknowledged);
        }

        [Fact]
        public void Acknowledgements_mark_positions_by_inclusive_ranges()
        {
            using var buffer = new PooledBuffer(64);
            using var writer = OutboxJson.CreateWriter(buffer);
            OutboxJson.WriteAck(writer, buffer, new[] { 0, 1, 2, 5, 7, 8 });
            var ack = Encoding.UTF8.GetString(buffer.Array, 0, buffer.Length);
            Assert.Equal("{\"ack\":[[0,2],[5,5],[7,8]]}\n", ack);

            var lines = Lines(Enumerable.Range(0, 10).Select(i => new Measurement("m", i)).ToArray()) + ack;
            Assert.Equal(new[] { true, true, true, false, false, true, false, true, true, false }, Read(lines).Acknowledged);
        }

        [Fact]
        public void An_unfinished_last_line_is_ignored()
        {
            var content = Read(Header + "{\"name\":\"a\",\"value\":1}\n{\"name\":\"b\",\"val");
            Assert.Single(content.Measurements);
            Assert.Equal("a", content.Measurements[0].Name);
        }

        [Theory]
        [InlineData("", "an empty file")]
        [InlineData("{\"librato_outbox\":2", "an unfinished file without its first line")]
        [InlineData("not json\n", "line 1: not JSON")]
        [InlineData("[]\n", "line 1: a JSON array instead of a record")]
        [InlineData("null\n", "line 1: a JSON null instead of a record")]
        [InlineData("{\"version\":1,\"measurements\":[]}\n", "line 1: not an outbox file")]
        [InlineData("{\"librato_outbox\":3}\n", "line 1: outbox format version 3, which this version of the module does not read (it reads 2)")]
        [InlineData("{\"librato_outbox\":\"2\"}\n", "line 1: outbox format version \"2\"")]
        [InlineData(Header + "[1]\n", "line 2: a JSON array instead of a record")]
        [InlineData(Header + "{\"value\":1}\n", "line 2: a record that is neither a measurement (it has no name) nor an acknowledgement")]
        [InlineData(Header + "{\"name\":\"\",\"value\":1}\n", "line 2: a measurement whose name is not a non-empty string")]
        [InlineData(Header + "{\"name\":7,\"value\":1}\n", "line 2: a measurement whose name is not a non-empty string")]
        [InlineData(Header + "{\"name\":\"x\",\"value\":1e400}\n", "line 2: value 1e400 of 'x', which is not a finite number")]
        [InlineData(Header + "{\"name\":\"x\",\"value\":\"1\"}\n", "line 2: value \"1\" of 'x', which is not a finite number")]
        [InlineData(Header + "{\"name\":\"x\",\"sum\":1e400}\n", "line 2: sum 1e400 of 'x'")]
        [InlineData(Header + "{\"name\":\"x\",\"min\":null}\n", "line 2: min null of 'x'")]
        [InlineData(Header + "{\"name\":\"x\",\"max\":true}\n", "line 2: max true of 'x'")]
        [InlineData(Header + "{\"name\":\"x\",\"sum_squares\":[]}\n", "line 2: sum_squares [] of 'x'")]
        [InlineData(Header + "{\"name\":\"x\",\"last\":{}}\n", "line 2: last {} of 'x'")]
        [InlineData(Header + "{\"name\":\"x\",\"stddev\":\"a\"}\n", "line 2: stddev \"a\" of 'x'")]
        [InlineData(Header + "{\"name\":\"x\",\"value\":1,\"time\":1796641736000000}\n", "line 2: time 1796641736000000 of 'x', which is not a whole number of epoch seconds from 0 to 253402300799")]
        [InlineData(Header + "{\"name\":\"x\",\"value\":1,\"time\":-1}\n", "line 2: time -1 of 'x'")]
        [InlineData(Header + "{\"name\":\"x\",\"value\":1,\"time\":1.5}\n", "line 2: time 1.5 of 'x'")]
        [InlineData(Header + "{\"name\":\"x\",\"value\":1,\"time\":253402300800}\n", "line 2: time 253402300800 of 'x'")]
        [InlineData(Header + "{\"name\":\"x\",\"value\":1,\"period\":0}\n", "line 2: period 0 of 'x', which is not a positive whole number of seconds")]
        [InlineData(Header + "{\"name\":\"x\",\"value\":1,\"period\":2.5}\n", "line 2: period 2.5 of 'x'")]
        [InlineData(Header + "{\"name\":\"x\",\"count\":-1,\"sum\":1}\n", "line 2: count -1 of 'x', which is not a whole number from 0")]
        [InlineData(Header + "{\"name\":\"x\",\"count\":1.5,\"sum\":1}\n", "line 2: count 1.5 of 'x'")]
        [InlineData(Header + "{\"name\":\"x\",\"value\":1,\"type\":\"histogram\"}\n", "line 2: type \"histogram\" of 'x', which is neither \"gauge\" nor \"counter\"")]
        [InlineData(Header + "{\"name\":\"x\",\"value\":1,\"type\":1}\n", "line 2: type 1 of 'x'")]
        [InlineData(Header + "{\"name\":\"x\",\"value\":1,\"source\":1}\n", "line 2: a source of 'x' that is not a string")]
        [InlineData(Header + "{\"name\":\"x\",\"value\":1,\"description\":false}\n", "line 2: a description of 'x' that is not a string")]
        [InlineData(Header + "{\"name\":\"x\",\"value\":1,\"tags\":[]}\n", "line 2: tags of 'x' that are not an object")]
        [InlineData(Header + "{\"name\":\"x\",\"value\":1,\"tags\":{\"a\":1}}\n", "line 2: the tag 'a' of 'x', whose value is not a string")]
        [InlineData(Header + "{\"name\":\"x\",\"value\":1,\"colour\":\"red\"}\n", "line 2: the field 'colour' of 'x', which this version does not know")]
        [InlineData(Header + "{\"ack\":[[0,0]]}\n", "line 2: an acknowledgement of measurements the file does not hold ([0,0])")]
        [InlineData(Header + "{\"name\":\"x\",\"value\":1}\n{\"ack\":[[0,1]]}\n", "line 3: an acknowledgement of measurements the file does not hold ([0,1])")]
        [InlineData(Header + "{\"name\":\"x\",\"value\":1}\n{\"ack\":[[-1,0]]}\n", "line 3: an acknowledgement of measurements the file does not hold ([-1,0])")]
        [InlineData(Header + "{\"name\":\"x\",\"value\":1}\n{\"name\":\"y\",\"value\":1}\n{\"ack\":[[1,0]]}\n", "line 4: an acknowledgement of measurements the file does not hold ([1,0])")]
        [InlineData(Header + "{\"name\":\"x\",\"value\":1}\n{\"ack\":[[0]]}\n", "line 3: an acknowledgement of measurements the file does not hold ([0])")]
        [InlineData(Header + "{\"name\":\"x\",\"value\":1}\n{\"ack\":[0]}\n", "line 3: an acknowledgement of measurements the file does not hold (0)")]
        [InlineData(Header + "{\"name\":\"x\",\"value\":1}\n{\"ack\":{}}\n", "line 3: an acknowledgement that is not a list")]
        public void Anything_but_an_outbox_file_is_refused_naming_the_line_and_the_fault(string text, string reason)
        {
            var ex = Assert.Throws<InvalidDataException>(() => Read(text));
            Assert.StartsWith(reason, ex.Message, StringComparison.Ordinal);
        }
    }
}
