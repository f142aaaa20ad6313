using System;
using System.Collections.Generic;
using System.Linq;
using Librato.Api;
using Xunit;

namespace Librato.Api.Tests
{
    public class MeasurementBatcherTests
    {
        private static Measurement Legacy(int i) => new Measurement("m", i);

        private static Measurement Tagged(int i) => new Measurement("t", i) { Tags = new Dictionary<string, string> { ["k"] = "v" } };

        [Fact]
        public void A_batch_is_handed_out_the_moment_it_fills()
        {
            var batcher = new MeasurementBatcher(3);
            Assert.Null(batcher.Add(Legacy(1)));
            Assert.Null(batcher.Add(Legacy(2)));
            var full = batcher.Add(Legacy(3));
            Assert.NotNull(full);
            Assert.Equal(new double?[] { 1, 2, 3 }, full!.Select(m => m.Value));
            Assert.Equal(0, batcher.Pending);
        }

        [Fact]
        public void Legacy_and_tagged_fill_separately_and_drain_legacy_first()
        {
            var batcher = new MeasurementBatcher(2);
            Assert.Null(batcher.Add(Tagged(1)));
            Assert.Null(batcher.Add(Legacy(2)));
            var full = batcher.Add(Tagged(3));
            Assert.Equal(new double?[] { 1, 3 }, full!.Select(m => m.Value));
            var legacy = batcher.Add(Legacy(4));
            Assert.Equal(new double?[] { 2, 4 }, legacy!.Select(m => m.Value));
            Assert.Null(batcher.Add(Legacy(5)));
            var rest = batcher.Drain().ToList();
            Assert.Single(rest);
            Assert.Equal(5, rest[0][0].Value);
        }

        [Fact]
        public void Every_measurement_comes_out_exactly_once()
        {
            var batcher = new MeasurementBatcher(7);
            var seen = new List<double>();
            for (var i = 0; i < 1000; i++)
            {
                var full = batcher.Add(i % 3 == 0 ? Tagged(i) : Legacy(i));
                if (full != null)
                {
                    Assert.Equal(7, full.Count);
                    seen.AddRange(full.Select(m => m.Value!.Value));
                }
            }

            foreach (var batch in batcher.Drain())
            {
                seen.AddRange(batch.Select(m => m.Value!.Value));
            }

            Assert.Equal(Enumerable.Range(0, 1000).Select(i => (double)i), seen.OrderBy(v => v));
        }

        [Theory]
        [InlineData(0)]
        [InlineData(1001)]
        public void Batch_size_is_bounded(int size) =>
            Assert.Throws<ArgumentOutOfRangeException>(() => new MeasurementBatcher(size));
    }
}
