using System;
using System.Collections.Generic;
using System.Linq;
using Librato.Api;
using Xunit;

namespace Librato.Api.Tests
{
    /// <summary>
    /// The exact words of every validation message (users read them to fix their input), which rule is reported when
    /// several are broken, and the edges of the character rules.
    /// </summary>
    public class ValidationDetailTests
    {
        private const long Now = 1796644800;

        private static ValidationError? Check(Measurement m) => MeasurementValidator.Default.Validate(m, Now);

        [Fact]
        public void Every_measurement_message_names_the_item_and_the_fix()
        {
            Assert.Equal(
                "'m' is a counter with tags; tagged measurements are gauges only (send counters with a source).",
                Check(new Measurement("m", 1) { Type = MetricType.Counter, Tags = new Dictionary<string, string> { ["a"] = "b" } })!.Message);
            Assert.Equal("'m' has a count but no sum; a summary needs both.", Check(new Measurement("m") { Count = 2 })!.Message);
            Assert.Equal(
                "'m' has both a value and a count; give a value, or a count with a sum.",
                Check(new Measurement("m", 1) { Count = 2, Sum = 3 })!.Message);
            Assert.Equal("'m' has no value.", Check(new Measurement("m"))!.Message);
            Assert.Equal("'m' has count 0; a count must be at least 1.", Check(new Measurement("m") { Count = 0, Sum = 1 })!.Message);
            Assert.Equal("'m' has period 0; a period is a positive number of seconds.", Check(new Measurement("m", 1) { Period = 0 })!.Message);
            Assert.Equal("'m' has value NaN; the API takes finite numbers only.", Check(new Measurement("m", double.NaN))!.Message);
            Assert.Equal(
                "'m' has value 1E+127; the API rejects numbers of 1e127 and beyond.",
                Check(new Measurement("m", 1e127))!.Message);
            Assert.Equal(
                "'m' has time 2025-12-07 11:59:59Z, older than the 365 days the API accepts.",
                Check(new Measurement("m", 1) { Time = Now - (long)TimeSpan.FromDays(365).TotalSeconds - 1 })!.Message);
            Assert.Equal(
                "'m' has time 2026-12-07 12:15:01Z, more than 15 minutes ahead of now.",
                Check(new Measurement("m", 1) { Time = Now + 901 })!.Message);
            Assert.Equal(
                "'bad name/x' is not a valid metric name: it has a space, '/', and a metric name takes only the characters A-Z a-z 0-9 . : - _.",
                Check(new Measurement("bad name/x", 1))!.Message);
        }

        [Fact]
        public void A_long_name_is_shown_shortened_with_its_length()
        {
            var name = "payments." + new string('a', 300);
            var message = Check(new Measurement(name, 1))!.Message;
            Assert.Equal("The metric name 'payments.aaaaaaaaaaaaaaaaaaaa\u2026aaaaaaaaaaaaaaaaaaaaaaaaaaaaa' is 309 characters long; a metric name has at most 255.", message);
            Assert.DoesNotContain(name, message);
        }

        [Fact]
        public void Times_at_the_edges_of_the_window_are_taken()
        {
            Assert.Null(Check(new Measurement("m", 1) { Time = Now - (long)TimeSpan.FromDays(365).TotalSeconds }));
            Assert.Null(Check(new Measurement("m", 1) { Time = Now + 900 }));
        }

        [Fact]
        public void AppOptics_messages_say_what_to_send_instead()
        {
            var v = MeasurementValidator.AppOptics;
            Assert.Equal(
                "'m' is a counter; AppOptics has no counters: send the value as a gauge with tags.",
                v.Validate(new Measurement("m", 1) { Type = MetricType.Counter }, Now)!.Message);
            Assert.Equal(
                "'m' has the source 'web1'; AppOptics has no sources: send it as a tag instead (for example source=web1).",
                v.Validate(new Measurement("m", 1) { Source = "web1" }, Now)!.Message);
            Assert.Equal(ValidationCodes.AppOpticsTagsRequired, v.Validate(new Measurement("m", 1), Now)!.Code);
            Assert.Null(v.Validate(new Measurement("m", 1) { Tags = new Dictionary<string, string> { ["a"] = "b" } }, Now));
        }

        [Fact]
        public void The_rules_are_checked_in_order_source_tags_numbers_time()
        {
            var m = new Measurement("m", double.NaN)
            {
                Source = "all",
                Tags = new Dictionary<string, string> { ["bad name"] = "x" },
                Time = 5,
            };
            Assert.Equal(ValidationCodes.InvalidSource, Check(m)!.Code);
            m.Source = null;
            Assert.Equal(ValidationCodes.InvalidTagName, Check(m)!.Code);
            m.Tags = null;
            Assert.Equal(ValidationCodes.InvalidValue, Check(m)!.Code);
            m.Value = 1;
            Assert.Equal(ValidationCodes.TimeTooOld, Check(m)!.Code);

            var appOptics = new Measurement("m", 1) { Type = MetricType.Counter, Source = "all" };
            Assert.Equal(ValidationCodes.AppOpticsNoCounters, MeasurementValidator.AppOptics.Validate(appOptics, Now)!.Code);
        }

        public static IEnumerable<object[]> Fields() => NumberFields.InApiOrder.Select((f, i) => new object[] { i });

        [Theory]
        [MemberData(nameof(Fields))]
        public void Of_two_bad_numbers_the_first_in_the_api_order_is_named(int first)
        {
            var names = NumberFields.InApiOrder;
            for (var second = first + 1; second < names.Count; second++)
            {
                var m = NumberFields.With(names[first], double.PositiveInfinity);
                NumberFields.Set(m, names[second], double.NaN);
                var error = Check(m)!;
                Assert.Equal(ValidationCodes.InvalidValue, error.Code);
                Assert.StartsWith($"'m' has {names[first]} ", error.Message);
            }

            var alone = NumberFields.With(names[first], -2e127);
            Assert.Equal($"'m' has {names[first]} -2E+127; the API rejects numbers of 1e127 and beyond.", Check(alone)!.Message);
        }

        [Theory]
        [InlineData("AZaz09.:-_", true)]
        [InlineData("A", true)]
        [InlineData("Z", true)]
        [InlineData("a", true)]
        [InlineData("z", true)]
        [InlineData("0", true)]
        [InlineData("9", true)]
        [InlineData("@", false)]
        [InlineData("[", false)]
        [InlineData("`", false)]
        [InlineData("{", false)]
        [InlineData("/", false)]
        [InlineData(";", false)]
        [InlineData("\u007f", false)]
        [InlineData("é", false)]
        public void Names_and_sources_take_exactly_their_characters(string text, bool valid)
        {
            Assert.Equal(valid, MeasurementValidator.IsValidMetricName(text));
            Assert.Equal(valid, Check(new Measurement("m", 1) { Source = text }) == null);
            if (text.All(c => c < 128))
            {
                // Tag names take letters of any script (below); in ASCII they follow the same rule.
                Assert.Equal(valid, Check(new Measurement("m", 1) { Tags = new Dictionary<string, string> { [text] = "v" } }) == null);
            }
        }

        [Theory]
        [InlineData("é", true)]
        [InlineData("ü.x", true)]
        [InlineData("\u007f", false)]
        [InlineData("\u0080", false)]
        [InlineData("a b", false)]
        public void Tag_names_beyond_ascii_follow_the_api_pattern(string name, bool valid)
        {
            Assert.Equal(valid, Check(new Measurement("m", 1) { Tags = new Dictionary<string, string> { [name] = "v" } }) == null);
        }

        [Theory]
        [InlineData("a b/c\\d?e", true)]
        [InlineData("wert ü", true)]
        [InlineData("*", false)]
        [InlineData("\u007f", false)]
        public void Tag_values_take_spaces_and_path_characters(string value, bool valid)
        {
            Assert.Equal(valid, Check(new Measurement("m", 1) { Tags = new Dictionary<string, string> { ["n"] = value } }) == null);
        }

        [Fact]
        public void A_validation_error_shows_its_code_and_message()
        {
            Assert.Equal("InvalidValue: 'm' has no value.", new ValidationError(ValidationCodes.InvalidValue, "'m' has no value.").ToString());
        }

        [Fact]
        public void Every_alert_message_names_the_item_and_the_fix()
        {
            Assert.Equal(
                "'my alert' is not a valid alert name: use 1 to 255 of the characters A-Z a-z 0-9 . : - _.",
                AlertRules.CheckName("my alert")!.Message);
            Assert.Equal(AlertValidationCodes.InvalidAlertName, AlertRules.CheckName(null)!.Code);
            Assert.Equal(
                "The duration 90.5 s is not allowed: a condition's duration is a whole number of seconds from 60 to 3600.",
                AlertRules.CheckDuration(90.5)!.Message);
            Assert.Equal(
                "'median' is not a summary function: use one of average, sum, min, max, count, derivative, absolute_value.",
                AlertRules.CheckSummaryFunction("median")!.Message);
            Assert.Equal(
                "Rearm seconds 90 is not allowed: use a positive multiple of 60, such as 600.",
                AlertRules.CheckRearmSeconds(90)!.Message);
            Assert.Equal(
                "'over' is not a condition type: use above, below or absent.",
                AlertRules.CheckCondition(new AlertCondition { Type = "over", MetricName = "m", Threshold = 1 })!.Message);
            Assert.Equal(
                "'bad name' is not a valid metric name for a condition: use 1 to 255 of the characters A-Z a-z 0-9 . : - _.",
                AlertRules.CheckCondition(new AlertCondition { MetricName = "bad name", Threshold = 1 })!.Message);
            Assert.Equal(
                "The absent condition on 'm' needs a duration: how many seconds (60 to 3600) without data fire the alert.",
                AlertRules.CheckCondition(new AlertCondition { Type = "absent", MetricName = "m" })!.Message);
            Assert.Equal(
                "The below condition on 'm' needs a finite threshold.",
                AlertRules.CheckCondition(new AlertCondition { Type = "Below", MetricName = "m", Threshold = double.PositiveInfinity })!.Message);
            Assert.Equal(
                AlertValidationCodes.MissingThreshold,
                AlertRules.CheckCondition(new AlertCondition { MetricName = "m", Threshold = double.NaN })!.Code);
        }

        [Theory]
        [InlineData("average")]
        [InlineData("sum")]
        [InlineData("min")]
        [InlineData("max")]
        [InlineData("count")]
        [InlineData("derivative")]
        [InlineData("absolute_value")]
        [InlineData("AVERAGE")]
        public void Each_summary_function_is_accepted(string function)
        {
            Assert.Null(AlertRules.CheckSummaryFunction(function));
            Assert.Null(AlertRules.CheckCondition(new AlertCondition { MetricName = "m", Threshold = 1, SummaryFunction = function }));
        }

        [Fact]
        public void Durations_and_rearm_times_are_checked_at_their_edges()
        {
            Assert.Null(AlertRules.CheckDuration(60));
            Assert.Null(AlertRules.CheckDuration(3600));
            Assert.NotNull(AlertRules.CheckDuration(59));
            Assert.NotNull(AlertRules.CheckDuration(3601));
            Assert.Null(AlertRules.CheckRearmSeconds(60));
            Assert.NotNull(AlertRules.CheckRearmSeconds(-60));
            Assert.NotNull(AlertRules.CheckRearmSeconds(0));
            Assert.NotNull(AlertRules.CheckRearmSeconds(61));
        }

        [Fact]
        public void A_condition_duration_is_checked_before_its_threshold()
        {
            var error = AlertRules.CheckCondition(new AlertCondition { MetricName = "m", Duration = 30 });
            Assert.Equal(AlertValidationCodes.InvalidAlertDuration, error!.Code);
            Assert.Null(AlertRules.CheckCondition(new AlertCondition { Type = "absent", MetricName = "m", Duration = 60 }));
        }

        [Fact]
        public void A_condition_needs_null_free_named_tags_with_valid_values()
        {
            AlertCondition With(params AlertConditionTag?[] tags) =>
                new AlertCondition { MetricName = "m", Threshold = 1, Tags = tags.ToList()! };

            Assert.Null(AlertRules.CheckCondition(With(new AlertConditionTag("region", new[] { "us-*", "eu west/1" }))));
            Assert.Null(AlertRules.CheckCondition(With(new AlertConditionTag("régión", new[] { "ünï" }))));

            var nullTag = AlertRules.CheckCondition(With((AlertConditionTag?)null));
            Assert.Equal(AlertValidationCodes.InvalidConditionTag, nullTag!.Code);
            Assert.Equal("'' is not a valid tag name for a condition on 'm'.", nullTag.Message);

            var unnamed = AlertRules.CheckCondition(With(new AlertConditionTag { Name = null!, Values = new List<string> { "a" } }));
            Assert.Equal("'' is not a valid tag name for a condition on 'm'.", unnamed!.Message);
            Assert.Equal(
                "'a b' is not a valid tag name for a condition on 'm'.",
                AlertRules.CheckCondition(With(new AlertConditionTag("a b", new[] { "x" })))!.Message);

            const string NeedsValues = "The tag 'region' of the condition on 'm' needs one or more valid values (wildcards allowed).";
            Assert.Equal(NeedsValues, AlertRules.CheckCondition(With(new AlertConditionTag("region", Array.Empty<string>())))!.Message);
            Assert.Equal(NeedsValues, AlertRules.CheckCondition(With(new AlertConditionTag("region", new[] { "a", null! })))!.Message);
            Assert.Equal(NeedsValues, AlertRules.CheckCondition(With(new AlertConditionTag("region", new[] { "a", "b;c" })))!.Message);
            Assert.Equal(NeedsValues, AlertRules.CheckCondition(With(new AlertConditionTag("region", new[] { string.Empty })))!.Message);

            // Every tag is checked, not just the first.
            Assert.Equal(
                AlertValidationCodes.InvalidConditionTag,
                AlertRules.CheckCondition(With(new AlertConditionTag("ok", new[] { "v" }), new AlertConditionTag("region", new[] { "b;c" })))!.Code);
        }

        [Fact]
        public void An_alert_refusal_lists_every_message()
        {
            var ex = new AlertValidationException(new[]
            {
                new ValidationError(AlertValidationCodes.InvalidAlertName, "First."),
                new ValidationError(AlertValidationCodes.InvalidRearmSeconds, "Second."),
            });
            Assert.Equal("First. Second.", ex.Message);
            Assert.Equal(2, ex.Errors.Count);
        }
    }

    /// <summary>The number fields of a measurement, in the order the API lists them (and the validator checks them).</summary>
    internal static class NumberFields
    {
        public static IReadOnlyList<string> InApiOrder { get; } = new[] { "value", "sum", "min", "max", "sum_squares", "last", "stddev" };

        /// <summary>A measurement valid but for this field: a value, or a summary (count 2, sum 1) with the field set.</summary>
        public static Measurement With(string field, double number)
        {
            var m = field == "value" ? new Measurement("m", number) : new Measurement("m") { Count = 2, Sum = 1 };
            Set(m, field, number);
            return m;
        }

        public static void Set(Measurement m, string field, double number)
        {
            switch (field)
            {
                case "value": m.Value = number; break;
                case "sum": m.Sum = number; break;
                case "min": m.Min = number; break;
                case "max": m.Max = number; break;
                case "sum_squares": m.SumSquares = number; break;
                case "last": m.Last = number; break;
                case "stddev": m.StdDev = number; break;
                default: throw new ArgumentException("not a number field: " + field, nameof(field));
            }
        }
    }
}
