using System;
using System.Linq;
using Librato.Api;
using Xunit;

namespace Librato.Api.Tests
{
    public class MeasurementAggregatorTests
    {
        [Fact]
        public void Summarizes_count_sum_min_max_and_squares()
        {
            var a = new MeasurementAggregator();
            a.Add("foo", 42);
            a.Add("foo", 5);
            a.Add("bar", -1.5);
            var m = a.ToMeasurements(1000);
            Assert.Equal(new[] { "foo", "bar" }, m.Select(x => x.Name));
            Assert.Equal(2, m[0].Count);
            Assert.Equal(47, m[0].Sum);
            Assert.Equal(5, m[0].Min);
            Assert.Equal(42, m[0].Max);
            Assert.Equal((42 * 42) + (5 * 5), m[0].SumSquares);
            Assert.Null(m[0].Value);
            Assert.Equal(23.5, a.Get("foo")!.Mean);
            Assert.Equal(1000, m[0].Time);
        }

        [Theory]
        [InlineData(1419302671L, 60, 1419302640L)]
        [InlineData(1419302640L, 60, 1419302640L)]
        [InlineData(1419302671L, 3600, 1419300000L)]
        public void A_period_floors_the_given_time(long time, int period, long expected)
        {
            var a = new MeasurementAggregator { MeasureTime = time, Period = period };
            a.Add("foo", 1);
            Assert.Equal(expected, a.ToMeasurements(0)[0].Time);
            Assert.Equal(period, a.ToMeasurements(0)[0].Period);
        }

        [Fact]
        public void A_period_without_a_time_floors_now()
        {
            var a = new MeasurementAggregator { Period = 60 };
            a.Add("foo", 1);
            Assert.Equal(1419302640, a.ToMeasurements(1419302671)[0].Time);
        }

        [Fact]
        public void The_time_is_kept_as_given_without_a_period()
        {
            var a = new MeasurementAggregator { MeasureTime = 1419302671, Source = "my.source" };
            a.Add("foo", 1);
            var m = a.ToMeasurements(5)[0];
            Assert.Equal(1419302671, m.Time);
            Assert.Equal("my.source", m.Source);
        }

        [Fact]
        public void Draining_empties_it()
        {
            var a = new MeasurementAggregator();
            a.Add("foo", 1);
            Assert.Single(a.Drain(0));
            Assert.Empty(a.Drain(0));
            Assert.Equal(0, a.Count);
        }

        [Fact]
        public void Refuses_values_that_are_not_finite()
        {
            var a = new MeasurementAggregator();
            Assert.Throws<ArgumentOutOfRangeException>(() => a.Add("foo", double.NaN));
            Assert.Equal(0, a.Count);
        }

        [Fact]
        public void Tagged_summaries_send_a_standard_deviation_instead_of_squares()
        {
            var a = new MeasurementAggregator { Tags = new System.Collections.Generic.Dictionary<string, string> { ["k"] = "v" } };
            a.Add("foo", 2);
            a.Add("foo", 4);
            using var doc = System.Text.Json.JsonDocument.Parse(BatchWriter.Tagged(a.ToMeasurements(0)).ToArray());
            var item = doc.RootElement.GetProperty("measurements")[0];
            Assert.Equal(1, item.GetProperty("stddev").GetDouble(), 10);
            Assert.False(item.TryGetProperty("sum_squares", out _));
        }
    }
}
