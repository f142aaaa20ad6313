using System.Collections.Generic;
using System.Text;
using System.Text.Json;
using Librato.Api;
using Xunit;

namespace Librato.Api.Tests
{
    public class BatchWriterTests
    {
        [Fact]
        public void Legacy_body_splits_gauges_and_counters_with_their_fields()
        {
            var batch = new List<Measurement>
            {
                new Measurement("cpu", 88.4) { Source = "web-1", Time = 1234567949 },
                new Measurement("conn", 5) { Type = MetricType.Counter, Time = 1234567950 },
                new Measurement("req") { Count = 3, Sum = 35, Min = 4.5, Max = 6.7, SumSquares = 430, Time = 1234567951, Period = 60 },
            };

            using var doc = JsonDocument.Parse(BatchWriter.Legacy(batch).ToArray());
            var gauges = doc.RootElement.GetProperty("gauges");
            Assert.Equal(2, gauges.GetArrayLength());
            Assert.Equal("cpu", gauges[0].GetProperty("name").GetString());
            Assert.Equal(88.4, gauges[0].GetProperty("value").GetDouble());
            Assert.Equal("web-1", gauges[0].GetProperty("source").GetString());
            Assert.Equal(1234567949, gauges[0].GetProperty("measure_time").GetInt64());
            Assert.False(gauges[1].TryGetProperty("value", out _));
            Assert.Equal(3, gauges[1].GetProperty("count").GetInt64());
            Assert.Equal(35, gauges[1].GetProperty("sum").GetDouble());
            Assert.Equal(430, gauges[1].GetProperty("sum_squares").GetDouble());
            Assert.Equal(60, gauges[1].GetProperty("period").GetInt32());
            var counters = doc.RootElement.GetProperty("counters");
            Assert.Equal(1, counters.GetArrayLength());
            Assert.Equal("conn", counters[0].GetProperty("name").GetString());
            Assert.False(counters[0].TryGetProperty("source", out _));
        }

        [Fact]
        public void Legacy_body_leaves_out_an_empty_group()
        {
            var body = Encoding.UTF8.GetString(BatchWriter.Legacy(new[] { new Measurement("a", 1) }).ToArray());
            Assert.DoesNotContain("counters", body);
        }

        [Fact]
        public void Tagged_body_writes_time_and_tags_per_measurement()
        {
            var batch = new[]
            {
                new Measurement("lat", 4.5) { Time = 1421530163, Tags = new Dictionary<string, string> { ["region"] = "us-west", ["az"] = "e" } },
                new Measurement("lat") { Count = 2, Sum = 9, Last = 4, StdDev = 0.5, Time = 1421530164, Tags = new Dictionary<string, string> { ["region"] = "us-east" } },
            };

            using var doc = JsonDocument.Parse(BatchWriter.Tagged(batch).ToArray());
            var items = doc.RootElement.GetProperty("measurements");
            Assert.Equal(2, items.GetArrayLength());
            Assert.Equal(1421530163, items[0].GetProperty("time").GetInt64());
            Assert.Equal("us-west", items[0].GetProperty("tags").GetProperty("region").GetString());
            Assert.Equal("e", items[0].GetProperty("tags").GetProperty("az").GetString());
            Assert.Equal(4, items[1].GetProperty("last").GetDouble());
            Assert.Equal(0.5, items[1].GetProperty("stddev").GetDouble());
            Assert.False(items[0].TryGetProperty("measure_time", out _));
        }

        [Theory]
        [InlineData(0.1)]
        [InlineData(1e-300)]
        [InlineData(123456789.123456789)]
        [InlineData(-0.0000001)]
        public void Numbers_round_trip_exactly(double value)
        {
            using var doc = JsonDocument.Parse(BatchWriter.Legacy(new[] { new Measurement("n", value) }).ToArray());
            Assert.Equal(value, doc.RootElement.GetProperty("gauges")[0].GetProperty("value").GetDouble());
        }
    }
}
