using System.Collections.Generic;
using System.Linq;
using Librato.Api;
using Xunit;

namespace Librato.Api.Tests
{
    public class MeasurementValidatorTests
    {
        private const long Now = 1_700_000_000;
        private static readonly MeasurementValidator Validator = MeasurementValidator.Default;

        private static string? Code(Measurement m) => Validator.Validate(m, Now)?.Code;

        [Theory]
        [InlineData("cpu")]
        [InlineData("a.b:c-d_e")]
        [InlineData("X")]
        public void Valid_names_pass(string name) => Assert.Null(Code(new Measurement(name, 1)));

        [Theory]
        [InlineData("")]
        [InlineData("has space")]
        [InlineData("slash/no")]
        [InlineData("ümlaut")]
        public void Invalid_names_fail(string name) => Assert.Equal(ValidationCodes.InvalidMetricName, Code(new Measurement(name, 1)));

        [Fact]
        public void Names_longer_than_255_fail() =>
            Assert.Equal(ValidationCodes.InvalidMetricName, Code(new Measurement(new string('a', 256), 1)));

        [Theory]
        [InlineData("all")]
        [InlineData("ALL")]
        [InlineData("web 1")]
        public void Reserved_or_invalid_sources_fail(string source) =>
            Assert.Equal(ValidationCodes.InvalidSource, Code(new Measurement("m", 1) { Source = source }));

        [Theory]
        [InlineData(double.NaN)]
        [InlineData(double.PositiveInfinity)]
        [InlineData(double.NegativeInfinity)]
        [InlineData(1e127)]
        [InlineData(-1e200)]
        public void Unsendable_numbers_fail(double value) => Assert.Equal(ValidationCodes.InvalidValue, Code(new Measurement("m", value)));

        [Fact]
        public void Tiny_numbers_pass() => Assert.Null(Code(new Measurement("m", 1e-200)));

        [Fact]
        public void A_count_needs_a_sum_and_no_value()
        {
            Assert.Equal(ValidationCodes.CountWithoutSum, Code(new Measurement("m") { Count = 2 }));
            Assert.Equal(ValidationCodes.ValueWithCount, Code(new Measurement("m", 1) { Count = 2, Sum = 3 }));
            Assert.Equal(ValidationCodes.InvalidCount, Code(new Measurement("m") { Count = 0, Sum = 3 }));
            Assert.Null(Code(new Measurement("m") { Count = 2, Sum = 3 }));
            Assert.Equal(ValidationCodes.MissingValue, Code(new Measurement("m")));
        }

        [Fact]
        public void Tags_follow_the_api_rules()
        {
            Measurement Tagged(string k, string v) => new Measurement("m", 1) { Tags = new Dictionary<string, string> { [k] = v } };
            Assert.Null(Code(Tagged("region", "us-east 1/a?b\\c")));
            Assert.Equal(ValidationCodes.InvalidTagName, Code(Tagged("bad name", "x")));
            Assert.Equal(ValidationCodes.InvalidTagName, Code(Tagged(new string('t', 65), "x")));
            Assert.Equal(ValidationCodes.InvalidTagValue, Code(Tagged("k", "")));
            Assert.Equal(ValidationCodes.InvalidTagValue, Code(Tagged("k", "semi;colon")));
            Assert.Equal(ValidationCodes.InvalidTagValue, Code(Tagged("k", new string('v', 256))));
        }

        [Theory]
        [InlineData("région", "Zürich", null)]
        [InlineData("ключ", "значение 1", null)]
        [InlineData("k", "日本", null)]
        [InlineData("k€y", "v", ValidationCodes.InvalidTagName)]
        [InlineData("k", "v€", ValidationCodes.InvalidTagValue)]
        [InlineData("k", "tab\tinside", ValidationCodes.InvalidTagValue)]
        [InlineData("under_score", "a:b.c-d", null)]
        [InlineData("k", "back\\slash/and?query", null)]
        [InlineData("sp ace", "v", ValidationCodes.InvalidTagName)]
        [InlineData("q?", "v", ValidationCodes.InvalidTagName)]
        public void Tag_text_follows_the_word_character_rules(string name, string value, string? expected) =>
            Assert.Equal(expected, Code(new Measurement("m", 1) { Tags = new Dictionary<string, string> { [name] = value } }));

        [Fact]
        public void At_most_fifty_tags()
        {
            var tags = Enumerable.Range(0, 51).ToDictionary(i => "t" + i, i => "v");
            Assert.Equal(ValidationCodes.TooManyTags, Code(new Measurement("m", 1) { Tags = tags }));
            tags.Remove("t0");
            Assert.Null(Code(new Measurement("m", 1) { Tags = tags }));
        }

        [Fact]
        public void Counters_cannot_carry_tags() =>
            Assert.Equal(ValidationCodes.CounterWithTags, Code(new Measurement("m", 1)
            {
                Type = MetricType.Counter,
                Tags = new Dictionary<string, string> { ["a"] = "b" },
            }));

        [Fact]
        public void Times_must_be_within_the_window()
        {
            Assert.Null(Code(new Measurement("m", 1) { Time = Now - (365 * 86400) }));
            Assert.Equal(ValidationCodes.TimeTooOld, Code(new Measurement("m", 1) { Time = Now - (366 * 86400) }));
            Assert.Null(Code(new Measurement("m", 1) { Time = Now + 900 }));
            Assert.Equal(ValidationCodes.TimeTooFarAhead, Code(new Measurement("m", 1) { Time = Now + 901 }));
        }
    }
}
