using System;
using System.Collections.Generic;
using System.Linq;
using Librato.Api;
using Xunit;

namespace Librato.Api.Tests
{
    /// <summary>The exact limits of the API's rules, each at the last value it takes and the first it refuses.</summary>
    public class ValidationLimitsTests
    {
        private const long Now = 1_700_000_000;

        private static ValidationError? Check(Measurement m, MeasurementValidator? validator = null) =>
            (validator ?? MeasurementValidator.Default).Validate(m, Now);

        private static Dictionary<string, string> Tags(int count) =>
            Enumerable.Range(0, count).ToDictionary(i => "t" + i, i => "v");

        [Fact]
        public void Names_and_sources_take_255_characters_not_256()
        {
            Assert.Null(Check(new Measurement(new string('n', 255), 1)));
            var name = Check(new Measurement(new string('n', 256), 1));
            Assert.Equal(ValidationCodes.InvalidMetricName, name!.Code);
            Assert.Contains("is 256 characters long; a metric name has at most 255", name.Message);
            Assert.False(MeasurementValidator.IsValidMetricName(null));
            Assert.False(MeasurementValidator.IsValidMetricName(string.Empty));

            Assert.Null(Check(new Measurement("m", 1) { Source = new string('s', 255) }));
            Assert.Equal(ValidationCodes.InvalidSource, Check(new Measurement("m", 1) { Source = new string('s', 256) })!.Code);
            Assert.Equal(ValidationCodes.InvalidSource, Check(new Measurement("m", 1) { Source = string.Empty })!.Code);
            Assert.Equal(ValidationCodes.InvalidSource, Check(new Measurement("m", 1) { Source = "web 1" })!.Code);
            Assert.Contains("and not 'all'", Check(new Measurement("m", 1) { Source = "All" })!.Message);
            Assert.True(MeasurementValidator.IsValidSource("a.b:c-d_E9"));
            Assert.False(MeasurementValidator.IsValidSource(null));
        }

        [Theory]
        [InlineData('.')]
        [InlineData(':')]
        [InlineData('-')]
        [InlineData('_')]
        [InlineData('z')]
        [InlineData('Z')]
        [InlineData('0')]
        [InlineData('9')]
        public void Each_allowed_character_is_allowed_in_names_sources_and_tags(char c)
        {
            var text = "a" + c;
            Assert.Null(Check(new Measurement(text, 1)));
            Assert.Null(Check(new Measurement("m", 1) { Source = text }));
            Assert.Null(Check(new Measurement("m", 1) { Tags = new Dictionary<string, string> { [text] = text } }));
        }

        [Theory]
        [InlineData('/')]
        [InlineData(' ')]
        [InlineData('?')]
        [InlineData('\\')]
        [InlineData('@')]
        [InlineData('`')]
        [InlineData('{')]
        [InlineData('[')]
        public void Other_characters_are_refused_in_names(char c) =>
            Assert.Equal(ValidationCodes.InvalidMetricName, Check(new Measurement("a" + c, 1))!.Code);

        [Theory]
        [InlineData('/')]
        [InlineData(' ')]
        [InlineData('?')]
        [InlineData('\\')]
        public void Tag_values_take_four_characters_tag_names_do_not(char c)
        {
            Assert.Null(Check(new Measurement("m", 1) { Tags = new Dictionary<string, string> { ["k"] = "a" + c } }));
            Assert.Equal(ValidationCodes.InvalidTagName, Check(new Measurement("m", 1) { Tags = new Dictionary<string, string> { ["k" + c] = "a" } })!.Code);
        }

        [Fact]
        public void Tag_names_take_64_characters_and_values_255()
        {
            Assert.Null(Check(new Measurement("m", 1) { Tags = new Dictionary<string, string> { [new string('k', 64)] = new string('v', 255) } }));
            var name = Check(new Measurement("m", 1) { Tags = new Dictionary<string, string> { [new string('k', 65)] = "v" } });
            Assert.Equal(ValidationCodes.InvalidTagName, name!.Code);
            Assert.Contains("use 1 to 64 of letters", name.Message);
            var value = Check(new Measurement("m", 1) { Tags = new Dictionary<string, string> { ["k"] = new string('v', 256) } });
            Assert.Equal(ValidationCodes.InvalidTagValue, value!.Code);
            Assert.Contains("use 1 to 255 of letters", value.Message);
            Assert.Equal(ValidationCodes.InvalidTagValue, Check(new Measurement("m", 1) { Tags = new Dictionary<string, string> { ["k"] = string.Empty } })!.Code);
            Assert.Equal(ValidationCodes.InvalidTagName, Check(new Measurement("m", 1) { Tags = new Dictionary<string, string> { [string.Empty] = "v" } })!.Code);
            Assert.Equal(ValidationCodes.InvalidTagName, Check(new Measurement("m", 1) { Tags = new Dictionary<string, string> { [new string('ä', 65)] = "v" } })!.Code);
            Assert.Null(Check(new Measurement("m", 1) { Tags = new Dictionary<string, string> { [new string('ä', 64)] = new string('ö', 255) } }));
        }

        [Fact]
        public void Fifty_tags_are_the_most_and_a_source_sent_as_a_tag_counts()
        {
            Assert.Null(Check(new Measurement("m", 1) { Tags = Tags(50) }));
            var many = Check(new Measurement("m", 1) { Tags = Tags(51) });
            Assert.Equal(ValidationCodes.TooManyTags, many!.Code);
            Assert.Equal("'m' has 51 tags; the API accepts at most 50.", many.Message);

            Assert.Null(Check(new Measurement("m", 1) { Tags = Tags(49), Source = "web" }));
            Assert.Equal(ValidationCodes.TooManyTags, Check(new Measurement("m", 1) { Tags = Tags(50), Source = "web" })!.Code);

            // A source tag of its own is not sent twice, so it does not count twice.
            var withSourceTag = Tags(49);
            withSourceTag[BatchWriter.SourceTag] = "db";
            Assert.Null(Check(new Measurement("m", 1) { Tags = withSourceTag, Source = "web" }));
        }

        [Fact]
        public void A_summary_needs_a_count_of_at_least_one_and_a_sum_and_no_value()
        {
            Assert.Null(Check(new Measurement("m") { Count = 1, Sum = 2 }));
            var zero = Check(new Measurement("m") { Count = 0, Sum = 2 });
            Assert.Equal(ValidationCodes.InvalidCount, zero!.Code);
            Assert.Equal("'m' has count 0; a count must be at least 1.", zero.Message);
            Assert.Equal(ValidationCodes.CountWithoutSum, Check(new Measurement("m") { Count = 1 })!.Code);
            Assert.Equal(ValidationCodes.ValueWithCount, Check(new Measurement("m", 1) { Count = 1, Sum = 2 })!.Code);
            Assert.Equal(ValidationCodes.MissingValue, Check(new Measurement("m") { Sum = 2 })!.Code);
            Assert.Equal(ValidationCodes.MissingValue, Check(new Measurement("m"))!.Code);
        }

        [Fact]
        public void Periods_start_at_one_second()
        {
            Assert.Null(Check(new Measurement("m", 1) { Period = 1 }));
            var zero = Check(new Measurement("m", 1) { Period = 0 });
            Assert.Equal(ValidationCodes.InvalidPeriod, zero!.Code);
            Assert.Contains("period 0", zero.Message);
        }

        [Theory]
        [InlineData("value")]
        [InlineData("sum")]
        [InlineData("min")]
        [InlineData("max")]
        [InlineData("sum_squares")]
        [InlineData("last")]
        [InlineData("stddev")]
        public void Every_number_must_be_finite_and_below_1e127(string field)
        {
            Measurement With(double number) => NumberFields.With(field, number);

            Assert.Null(Check(With(9.999e126)));
            Assert.Null(Check(With(-9.999e126)));
            foreach (var bad in new[] { 1e127, -1e127, double.NaN, double.PositiveInfinity, double.NegativeInfinity })
            {
                var error = Check(With(bad));
                Assert.Equal(ValidationCodes.InvalidValue, error!.Code);
                Assert.Contains("has " + field + " ", error.Message);
            }
        }

        [Fact]
        public void Times_are_taken_from_a_year_back_to_fifteen_minutes_ahead()
        {
            var year = (long)TimeSpan.FromDays(365).TotalSeconds;
            Assert.Null(Check(new Measurement("m", 1) { Time = Now - year }));
            var old = Check(new Measurement("m", 1) { Time = Now - year - 1 });
            Assert.Equal(ValidationCodes.TimeTooOld, old!.Code);
            Assert.Contains("older than the 365 days the API accepts", old.Message);
            Assert.Null(Check(new Measurement("m", 1) { Time = Now + 900 }));
            var ahead = Check(new Measurement("m", 1) { Time = Now + 901 });
            Assert.Equal(ValidationCodes.TimeTooFarAhead, ahead!.Code);
            Assert.Contains("more than 15 minutes ahead of now", ahead.Message);
        }

        [Theory]
        [InlineData(-1, "before 1970")]
        [InlineData(1_700_000_000_000, "epoch milliseconds (2023-11-14 22:13:20Z): divide it by 1,000")]
        [InlineData(1_700_000_000_000_000, "epoch microseconds (2023-11-14 22:13:20Z): divide it by 1,000,000")]
        [InlineData(1_700_000_000_000_000_000, "epoch nanoseconds (2023-11-14 22:13:20Z): divide it by 1,000,000,000")]
        [InlineData(253402300800, "past the year 9999")]
        public void A_time_that_is_no_time_says_what_it_looks_like(long time, string says)
        {
            var error = Check(new Measurement("m", 1) { Time = time });
            Assert.Equal(ValidationCodes.InvalidTime, error!.Code);
            Assert.Contains(says, error.Message);
            Assert.Equal("as epoch seconds it lies past the year 9999", EpochTime.DescribeOutOfRange(1e300));
            Assert.Equal("it is not a finite number", EpochTime.DescribeOutOfRange(double.NaN));
        }

        [Fact]
        public void Epoch_times_convert_both_ways_and_clamp_to_what_DateTime_holds()
        {
            Assert.Equal(new DateTime(1970, 1, 1, 0, 0, 0, DateTimeKind.Utc), EpochTime.ToDateTime(-5));
            Assert.Equal(new DateTime(9999, 12, 31, 23, 59, 59, DateTimeKind.Utc), EpochTime.ToDateTime(long.MaxValue));
            Assert.Equal(Now, EpochTime.FromDateTime(EpochTime.ToDateTime(Now)));
            Assert.Equal(Now, EpochTime.FromDateTimeOffset(DateTimeOffset.FromUnixTimeSeconds(Now)));
            Assert.True(EpochTime.IsInRange(0));
            Assert.True(EpochTime.IsInRange(EpochTime.Latest));
            Assert.False(EpochTime.IsInRange(EpochTime.Latest + 1));
            Assert.False(EpochTime.IsInRange(-0.5));
        }

        [Fact]
        public void AppOptics_takes_tagged_gauges_only()
        {
            var appOptics = MeasurementValidator.AppOptics;
            Assert.True(appOptics.TaggedOnly);
            Assert.False(MeasurementValidator.Default.TaggedOnly);
            Assert.Null(Check(new Measurement("m", 1) { Tags = Tags(1) }, appOptics));
            Assert.Equal(ValidationCodes.AppOpticsTagsRequired, Check(new Measurement("m", 1), appOptics)!.Code);
            Assert.Equal(ValidationCodes.AppOpticsNoSources, Check(new Measurement("m", 1) { Tags = Tags(1), Source = "s" }, appOptics)!.Code);
            Assert.Equal(ValidationCodes.AppOpticsNoCounters, Check(new Measurement("m", 1) { Tags = Tags(1), Type = MetricType.Counter }, appOptics)!.Code);
            Assert.Equal(ValidationCodes.InvalidMetricName, Check(new Measurement("bad name", 1), appOptics)!.Code);
            Assert.Equal(MeasurementValidator.Default.MaxAge, appOptics.MaxAge);
            Assert.Equal(MeasurementValidator.Default.MaxAhead, appOptics.MaxAhead);
        }
    }
}
