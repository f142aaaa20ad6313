using System.Collections.Generic;
using Xunit;

namespace Librato.Api.Tests
{
    public class MeasurementPoolTests
    {
        [Fact]
        public void A_measurement_given_back_is_handed_out_again_with_nothing_of_its_past()
        {
            var pool = new MeasurementPool();
            var first = pool.Rent("first");
            Assert.Equal("first", first.Name);
            first.Value = 1;
            first.Time = 100;
            first.Period = 60;
            first.Type = MetricType.Counter;
            first.Source = "s";
            first.Tags = new Dictionary<string, string> { ["host"] = "h" };
            first.Count = 2;
            first.Sum = 3;
            first.Min = 1;
            first.Max = 2;
            first.SumSquares = 5;
            first.Last = 2;
            first.StdDev = 0.5;
            first.Description = "d";

            pool.Return(new[] { first });
            var again = pool.Rent("again");

            Assert.Same(first, again);
            Assert.Equal("again", again.Name);
            Assert.Null(again.Value);
            Assert.Null(again.Time);
            Assert.Null(again.Period);
            Assert.Equal(MetricType.Gauge, again.Type);
            Assert.Null(again.Source);
            Assert.Null(again.Tags);
            Assert.Null(again.Count);
            Assert.Null(again.Sum);
            Assert.Null(again.Min);
            Assert.Null(again.Max);
            Assert.Null(again.SumSquares);
            Assert.Null(again.Last);
            Assert.Null(again.StdDev);
            Assert.Null(again.Description);
            Assert.Equal(new Measurement("again").ToString(), again.ToString());

            // Every public property, including any added later, reads as on a new measurement.
            var fresh = new Measurement("again");
            foreach (var property in typeof(Measurement).GetProperties())
            {
                Assert.True(Equals(property.GetValue(fresh), property.GetValue(again)), property.Name + " was kept from the measurement's past.");
            }
        }

        [Fact]
        public void An_empty_pool_makes_new_measurements_and_a_full_one_takes_no_more()
        {
            var pool = new MeasurementPool();
            var a = pool.Rent("a");
            var b = pool.Rent("a");
            Assert.NotSame(a, b);

            var many = new List<Measurement>();
            for (var i = 0; i < 10000; i++)
            {
                many.Add(new Measurement("m" + i));
            }

            pool.Return(many);
            Assert.Equal(8192, pool.Count);
        }
    }
}
