using System;
using System.Collections.Generic;
using System.Linq;
using Librato.Api;
using Xunit;

namespace Librato.Api.Tests
{
    public class MeasurementTests
    {
        [Fact]
        public void Summary_fields_read_back_what_was_set_and_can_be_cleared()
        {
            var m = new Measurement("req") { Count = 3, Sum = 35, Min = 4.5, Max = 6.7, SumSquares = 430, Last = 6, StdDev = 0.9 };
            Assert.Equal((3L, 35.0, 4.5, 6.7, 430.0, 6.0, 0.9), (m.Count, m.Sum, m.Min, m.Max, m.SumSquares, m.Last, m.StdDev));

            m.Sum = null;
            m.Count = null;
            Assert.Null(m.Sum);
            Assert.Null(m.Count);
            Assert.Equal(4.5, m.Min);
        }

        [Fact]
        public void A_value_measurement_has_no_summary_fields_even_after_clearing_them()
        {
            var m = new Measurement("cpu", 1.5) { Count = null, StdDev = null };
            Assert.Null(m.Count);
            Assert.Null(m.Sum);
            Assert.Null(m.Min);
            Assert.Null(m.Max);
            Assert.Null(m.SumSquares);
            Assert.Null(m.Last);
            Assert.Null(m.StdDev);
            Assert.Equal("cpu 1.5", m.ToString());
        }

        [Fact]
        public void A_measurement_reads_as_name_value_local_time_and_its_series()
        {
            var local = new DateTimeOffset(new DateTime(2026, 12, 7, 11, 5, 0, DateTimeKind.Utc)).ToLocalTime().ToString("yyyy-MM-dd HH:mm:ss zzz", System.Globalization.CultureInfo.InvariantCulture);
            var bySource = new Measurement("a.b", 1) { Source = "web1", Time = 1796641500 };
            Assert.Equal("a.b 1 @" + local + " [web1]", bySource.ToString());
            var tagged = new Measurement("a.b", 2.5) { Tags = new Dictionary<string, string> { ["city"] = "austin", ["station"] = "27" } };
            Assert.Equal("a.b 2.5 [city=austin station=27]", tagged.ToString());
        }

        [Fact]
        public void A_plain_measurement_takes_no_more_than_80_bytes_and_clearing_its_seldom_set_fields_allocates_nothing()
        {
            Make();
            var before = GC.GetAllocatedBytesForCurrentThread();
            var m = Make();
            var made = GC.GetAllocatedBytesForCurrentThread() - before;

            before = GC.GetAllocatedBytesForCurrentThread();
            m.Count = null;
            m.Sum = null;
            m.Min = null;
            m.Max = null;
            m.SumSquares = null;
            m.Last = null;
            m.StdDev = null;
            m.Description = null;
            var cleared = GC.GetAllocatedBytesForCurrentThread() - before;

            Assert.InRange(made, 1, 80);
            Assert.Equal(0, cleared);
            Assert.Equal((1.5, 1700000000L, 60), (m.Value!.Value, m.Time!.Value, m.Period!.Value));

            static Measurement Make() => new Measurement("cpu", 1.5) { Source = "web-1", Time = 1700000000, Period = 60 };
        }

        [Fact]
        public void Tag_pairs_are_the_same_from_a_dictionary_and_from_any_other_tag_table()
        {
            var dictionary = new Dictionary<string, string> { ["region"] = "us-east-1", ["host"] = "web-1" };
            var sorted = new SortedDictionary<string, string>(dictionary);

            var fromDictionary = new List<KeyValuePair<string, string>>();
            foreach (var pair in TagPairs.Of(dictionary))
            {
                fromDictionary.Add(pair);
            }

            var fromSorted = new List<KeyValuePair<string, string>>();
            foreach (var pair in TagPairs.Of(sorted))
            {
                fromSorted.Add(pair);
            }

            Assert.Equal(dictionary.OrderBy(p => p.Key), fromDictionary.OrderBy(p => p.Key));
            Assert.Equal(sorted, fromSorted);
        }
    }
}
