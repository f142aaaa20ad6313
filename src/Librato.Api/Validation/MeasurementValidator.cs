using System;
using System.Collections.Generic;
using System.Globalization;
using System.Runtime.CompilerServices;
using System.Text.RegularExpressions;

namespace Librato.Api
{
    /// <summary>
    /// The API's rules for one measurement (names, sources, tags, numbers, times), checked before sending so that
    /// one bad item never fails a whole batch.
    /// </summary>
    public sealed class MeasurementValidator
    {
        public const int MaxTagsPerMeasurement = 50;

        // The API rejects a whole request when a value's base-10 exponent exceeds 126.
        private const double LargestValue = 1e127;

        private static readonly Regex TagName = new Regex(@"\A[-.:_\w]{1,64}\z", RegexOptions.Compiled);
        private static readonly Regex TagValue = new Regex(@"\A[-.:_?\\/\w ]{1,255}\z", RegexOptions.Compiled);

        public MeasurementValidator(TimeSpan maxAge, TimeSpan maxAhead)
        {
            MaxAge = maxAge;
            MaxAhead = maxAhead;
        }

        /// <summary>One year back (the oldest a backfill may reach) and fifteen minutes ahead (clock skew).</summary>
        public static MeasurementValidator Default { get; } =
            new MeasurementValidator(TimeSpan.FromDays(365), TimeSpan.FromMinutes(15));

        public TimeSpan MaxAge { get; }

        public TimeSpan MaxAhead { get; }

        /// <summary>The same rules and time window as <see cref="Default"/>, plus <see cref="AppOpticsRules"/>.</summary>
        public static MeasurementValidator AppOptics { get; } = Default.ForAppOptics();

        /// <summary>Whether <see cref="AppOpticsRules"/> apply (tags required; no sources, no counters).</summary>
        public bool TaggedOnly { get; private set; }

        /// <summary>A validator with this one's time window that also applies <see cref="AppOpticsRules"/>.</summary>
        public MeasurementValidator ForAppOptics() => new MeasurementValidator(MaxAge, MaxAhead) { TaggedOnly = true };

        // Checked once per measurement, so a loop over the characters rather than a regular expression.
        public static bool IsValidMetricName(string? name) => name != null && HasNameCharacters(name);

        public static bool IsValidSource(string? source) =>
            source != null && HasNameCharacters(source) && !string.Equals(source, "all", StringComparison.OrdinalIgnoreCase);

        /// <summary>The characters a metric name, a source and an alert name may have, as messages name them.</summary>
        public const string NameCharacters = "the characters A-Z a-z 0-9 . : - _";

        /// <summary>The rule for those names, as messages give it.</summary>
        public const string NameRule = "1 to 255 of " + NameCharacters;

        /// <summary>1 to 255 of A-Z a-z 0-9 . : - _ (the rule for metric names and sources).</summary>
        [MethodImpl(HotPath.Optimized)]
        private static bool HasNameCharacters(string text)
        {
            if (text.Length == 0 || text.Length > 255)
            {
                return false;
            }

            foreach (var c in text)
            {
                if (!IsAllowed(c))
                {
                    return false;
                }
            }

            return true;
        }

        /// <summary>
        /// Why a metric name is not valid, in a line that fits a screen: a long name shortened in the middle with its
        /// length, the characters that are not allowed named.
        /// </summary>
        public static string NameProblem(string? name)
        {
            if (string.IsNullOrEmpty(name))
            {
                return "The metric name is empty: give " + NameRule + ".";
            }

            var shown = Shorten(name!);
            if (name!.Length > 255)
            {
                return $"The metric name '{shown}' is {name.Length} characters long; a metric name has at most 255.";
            }

            var bad = new List<string>();
            foreach (var c in name)
            {
                var text = c == ' ' ? "a space" : "'" + c + "'";
                if (!IsAllowed(c) && !bad.Contains(text))
                {
                    bad.Add(text);
                }
            }

            return $"'{shown}' is not a valid metric name: it has {string.Join(", ", bad)}, and a metric name takes only {NameCharacters}.";
        }

        /// <summary>A long name or value cut in the middle to 60 characters, so a message naming it stays a line or two.</summary>
        public static string Shorten(string text) =>
            text.Length > 60 ? text.Substring(0, 29) + "\u2026" + text.Substring(text.Length - 29) : text;

        private static bool IsAllowed(char c) =>
            (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '.' || c == ':' || c == '-' || c == '_';

        /// <summary>Returns why the measurement cannot be sent, or null when it can.</summary>
        [MethodImpl(HotPath.Optimized)]
        public ValidationError? Validate(Measurement m, long now)
        {
            if (!IsValidMetricName(m.Name))
            {
                return new ValidationError(ValidationCodes.InvalidMetricName, NameProblem(m.Name));
            }

            return (TaggedOnly ? AppOpticsRules.Check(m) : null)
                ?? ValidateSource(m)
                ?? ValidateTags(m)
                ?? ValidateNumbers(m)
                ?? ValidateTime(m, now);
        }

        private static ValidationError? ValidateSource(Measurement m)
        {
            if (m.Source == null || IsValidSource(m.Source))
            {
                return null;
            }

            return new ValidationError(
                ValidationCodes.InvalidSource,
                $"'{m.Source}' is not a valid source for '{m.Name}': use {NameRule}, and not 'all'.");
        }

        private static ValidationError? ValidateTags(Measurement m)
        {
            if (m.Tags == null)
            {
                return null;
            }

            // A source on a tagged measurement is sent as one more tag.
            var count = m.Tags.Count + (m.IsTagged && m.Source != null && !m.Tags.ContainsKey(BatchWriter.SourceTag) ? 1 : 0);
            if (count > MaxTagsPerMeasurement)
            {
                return new ValidationError(
                    ValidationCodes.TooManyTags,
                    $"'{m.Name}' has {count} tags; the API accepts at most {MaxTagsPerMeasurement}.");
            }

            if (m.IsTagged && m.Type == MetricType.Counter)
            {
                return new ValidationError(
                    ValidationCodes.CounterWithTags,
                    $"'{m.Name}' is a counter with tags; tagged measurements are gauges only (send counters with a source).");
            }

            foreach (var pair in TagPairs.Of(m.Tags))
            {
                if (pair.Key == null || !IsTagText(pair.Key, 64, TagName, allowValueCharacters: false))
                {
                    return new ValidationError(
                        ValidationCodes.InvalidTagName,
                        $"'{pair.Key}' is not a valid tag name for '{m.Name}': use 1 to 64 of letters, digits and . : - _.");
                }

                if (pair.Value == null || !IsTagText(pair.Value, 255, TagValue, allowValueCharacters: true))
                {
                    return new ValidationError(
                        ValidationCodes.InvalidTagValue,
                        $"'{pair.Value}' is not a valid value for tag '{pair.Key}' of '{m.Name}': use 1 to 255 of letters, digits, spaces and . : - _ ? / \\.");
                }
            }

            return null;
        }

        /// <summary>
        /// The tag rules, answered without the regular expression for plain ASCII text (nearly every tag); other text
        /// takes the expression, which knows which Unicode characters count as word characters.
        /// </summary>
        [MethodImpl(HotPath.Optimized)]
        private static bool IsTagText(string text, int maxLength, Regex rule, bool allowValueCharacters)
        {
            if (text.Length == 0 || text.Length > maxLength)
            {
                return false;
            }

            foreach (var c in text)
            {
                // Stryker disable once Equality : DEL (7F) is refused either way, by the loop or by the pattern
                if (c > '\u007f')
                {
                    return rule.IsMatch(text);
                }

                var allowed = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') ||
                    c == '.' || c == ':' || c == '-' || c == '_' ||
                    (allowValueCharacters && (c == '?' || c == '\\' || c == '/' || c == ' '));
                if (!allowed)
                {
                    return false;
                }
            }

            return true;
        }

        private static ValidationError? ValidateNumbers(Measurement m)
        {
            if (m.Count.HasValue)
            {
                if (m.Count.Value < 1)
                {
                    return new ValidationError(ValidationCodes.InvalidCount, $"'{m.Name}' has count {m.Count.Value}; a count must be at least 1.");
                }

                if (!m.Sum.HasValue)
                {
                    return new ValidationError(ValidationCodes.CountWithoutSum, $"'{m.Name}' has a count but no sum; a summary needs both.");
                }

                if (m.Value.HasValue)
                {
                    return new ValidationError(ValidationCodes.ValueWithCount, $"'{m.Name}' has both a value and a count; give a value, or a count with a sum.");
                }
            }
            else if (!m.Value.HasValue)
            {
                return new ValidationError(ValidationCodes.MissingValue, $"'{m.Name}' has no value.");
            }

            if (m.Period.HasValue && m.Period.Value < 1)
            {
                return new ValidationError(ValidationCodes.InvalidPeriod, $"'{m.Name}' has period {m.Period.Value}; a period is a positive number of seconds.");
            }

            return CheckNumber(m, "value", m.Value)
                ?? CheckNumber(m, "sum", m.Sum)
                ?? CheckNumber(m, "min", m.Min)
                ?? CheckNumber(m, "max", m.Max)
                ?? CheckNumber(m, "sum_squares", m.SumSquares)
                ?? CheckNumber(m, "last", m.Last)
                ?? CheckNumber(m, "stddev", m.StdDev);
        }

        private static ValidationError? CheckNumber(Measurement m, string field, double? number)
        {
            if (!number.HasValue)
            {
                return null;
            }

            var v = number.Value;
            if (double.IsNaN(v) || double.IsInfinity(v))
            {
                return new ValidationError(ValidationCodes.InvalidValue, $"'{m.Name}' has {field} {v.ToString(CultureInfo.InvariantCulture)}; the API takes finite numbers only.");
            }

            if (Math.Abs(v) >= LargestValue)
            {
                return new ValidationError(ValidationCodes.InvalidValue, $"'{m.Name}' has {field} {v.ToString("R", CultureInfo.InvariantCulture)}; the API rejects numbers of 1e127 and beyond.");
            }

            return null;
        }

        private ValidationError? ValidateTime(Measurement m, long now)
        {
            if (!m.Time.HasValue)
            {
                return null;
            }

            if (!EpochTime.IsInRange(m.Time.Value))
            {
                return new ValidationError(
                    ValidationCodes.InvalidTime,
                    $"'{m.Name}' has time {m.Time.Value.ToString(CultureInfo.InvariantCulture)}, which is not a time: {EpochTime.DescribeOutOfRange(m.Time.Value)}.");
            }

            if (m.Time.Value < now - (long)MaxAge.TotalSeconds)
            {
                return new ValidationError(
                    ValidationCodes.TimeTooOld,
                    $"'{m.Name}' has time {FormatTime(m.Time.Value)}, older than the {MaxAge.TotalDays:0.##} days the API accepts.");
            }

            if (m.Time.Value > now + (long)MaxAhead.TotalSeconds)
            {
                return new ValidationError(
                    ValidationCodes.TimeTooFarAhead,
                    $"'{m.Name}' has time {FormatTime(m.Time.Value)}, more than {MaxAhead.TotalMinutes:0.##} minutes ahead of now.");
            }

            return null;
        }

        private static string FormatTime(long epoch) =>
            EpochTime.ToDateTime(epoch).ToString("yyyy-MM-dd HH:mm:ss'Z'", CultureInfo.InvariantCulture);
    }
}
