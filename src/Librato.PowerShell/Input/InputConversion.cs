using System;
using System.Collections;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Management.Automation;
using System.Numerics;
using System.Runtime.CompilerServices;
using Librato.Api;

namespace Librato.PowerShell
{
    /// <summary>Loose conversions of pipeline values (numbers as strings, times as epochs, tags as hashtables).</summary>
    /// <summary>What reading a time gave.</summary>
    internal enum TimeReading
    {
        /// <summary>A time, or none (left out).</summary>
        Ok,

        /// <summary>Not a date nor a number.</summary>
        NotATime,

        /// <summary>A date or number, but not one a measurement can carry.</summary>
        OutOfRange,
    }

    internal static class InputConversion
    {
        /// <summary>
        /// The value behind a PSObject wrapper. Empty and blank strings count as missing, so that optional CSV columns
        /// left empty by Import-Csv fall back to the cmdlet's parameters.
        /// </summary>
        [MethodImpl(HotPath.Optimized)]
        public static object? Unwrap(object? value)
        {
            var raw = value is PSObject pso ? pso.BaseObject : value;
            return raw is string s && string.IsNullOrWhiteSpace(s) ? null : raw;
        }

        /// <summary>Reads a number; false when the value is present but not a number.</summary>
        [MethodImpl(HotPath.Optimized)]
        public static bool TryNumber(object? value, out double? number)
        {
            number = null;
            switch (Unwrap(value))
            {
                case null:
                    return true;
                case double d:
                    number = d;
                    return true;
                case float f:
                    number = f;
                    return true;
                case int i:
                    number = i;
                    return true;
                case long l:
                    number = l;
                    return true;
                case decimal m:
                    number = (double)m;
                    return true;
                case BigInteger big:
                    // Within double's range a value reads as the number it is, rounded to double as every value is.
                    var converted = (double)big;
                    if (double.IsInfinity(converted))
                    {
                        return false;
                    }

                    number = converted;
                    return true;
                case string s:
                    if (double.TryParse(s.Trim(), NumberStyles.Float, CultureInfo.InvariantCulture, out var parsed))
                    {
                        number = parsed;
                        return true;
                    }

                    return false;
                case bool _:
                case char _:
                    return false;
                case IConvertible c when IsNumeric(c.GetTypeCode()):
                    number = c.ToDouble(CultureInfo.InvariantCulture);
                    return true;
                default:
                    return false;
            }
        }

        /// <summary>
        /// A measurement value given as a parameter or a method argument, read as piped values are. $null (often an
        /// undefined variable) and text that is not a number throw, naming the value and the way to write it.
        /// </summary>
        public static double ReadValue(object? value) =>
            ValueProblem(value is PSObject pso ? pso.BaseObject : value, out var number) is InputProblem problem
                ? throw new ArgumentTransformationMetadataException(problem.Message)
                : number;

        /// <summary>
        /// Why a value given on its own (not as a property of a piped object) is no number, with its error id: $null is
        /// Librato.MissingValue, anything else that does not read as one number Librato.InvalidValue. Null when it is one.
        /// </summary>
        internal static InputProblem? ValueProblem(object? raw, out double number)
        {
            number = 0;
            if (raw == null)
            {
                return new InputProblem(ErrorIds.ForValidation(ValidationCodes.MissingValue), NullValueMessage);
            }

            if (!TryNumber(raw, out var read) || read == null)
            {
                return NotANumber("Value", raw);
            }

            number = read.Value;
            return null;
        }

        /// <summary>Librato.InvalidValue for a property (Value, Sum, ...) that is not a number.</summary>
        internal static InputProblem NotANumber(string property, object? raw) =>
            new InputProblem(ErrorIds.ForValidation(ValidationCodes.InvalidValue), NotANumberMessage(property, raw));

        /// <summary>The message for a $null value, the same for every way a value arrives.</summary>
        private const string NullValueMessage =
            "The value is $null, which is no number: a variable that was never set reads as $null. Give a number, such as 1.5.";

        /// <summary>The message for a value that is not a number, the same for every way a value arrives.</summary>
        private static string NotANumberMessage(string property, object? raw) =>
            raw is IList list && !(raw is string)
                ? $"{property} is a list of {list.Count} values ({string.Join(", ", list.Cast<object?>().Take(5).Select(v => Text(v) ?? "$null"))}), " +
                  "not one number: in PowerShell a comma makes a list, so write 1.5, not 1,5."
                : raw is string
                ? $"{property} '{raw}' is not a number: write numbers with a dot for the decimals and without thousands separators (1.5, 1500)."
                : $"{property} '{raw}' is not a number.";

        [MethodImpl(HotPath.Optimized)]
        public static bool TryCount(object? value, out long? count)
        {
            count = null;
            if (!TryNumber(value, out var number))
            {
                return false;
            }

            if (number.HasValue)
            {
                if (number.Value != Math.Floor(number.Value) || double.IsInfinity(number.Value))
                {
                    return false;
                }

                count = (long)number.Value;
            }

            return true;
        }

        /// <summary>
        /// Reads a time as epoch seconds from DateTime, DateTimeOffset, a number of any numeric type (epoch seconds,
        /// fractions dropped) or a string (a date, or epoch seconds). <see cref="TimeReading.OutOfRange"/> when it reads
        /// but names no time a measurement can carry (epoch milliseconds, DateTime.MaxValue); then
        /// <paramref name="understood"/> says what it was taken for.
        /// </summary>
        [MethodImpl(HotPath.Optimized)]
        public static TimeReading TryTime(object? value, out long? epoch, out string? understood)
        {
            epoch = null;
            understood = null;
            var raw = Unwrap(value);

            // Epoch seconds, the common form in bulk input, need no trip through DateTime.
            if (raw is long seconds)
            {
                return InRange(seconds, ref epoch, ref understood);
            }

            if (raw is int small)
            {
                return InRange(small, ref epoch, ref understood);
            }

            switch (raw)
            {
                case null:
                    return TimeReading.Ok;
                case DateTime dt:
                    return FromDateTime(dt, ref epoch, ref understood);
                case DateTimeOffset offset:
                    return FromDateTime(offset.UtcDateTime, ref epoch, ref understood);
                case BigInteger big:
                    return InRange((double)big, ref epoch, ref understood);
                case string s:
                    var text = s.Trim();
                    if (long.TryParse(text, NumberStyles.Integer, CultureInfo.InvariantCulture, out var parsedSeconds))
                    {
                        return InRange(parsedSeconds, ref epoch, ref understood);
                    }

                    if (double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var parsedNumber))
                    {
                        return InRange(parsedNumber, ref epoch, ref understood);
                    }

                    if (DateTime.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.None, out var parsed))
                    {
                        return FromDateTime(parsed, ref epoch, ref understood);
                    }

                    return TimeReading.NotATime;
                case decimal m:
                    // Exact: [math]::Floor($i / 500) gives a decimal, and a double would round large ones.
                    var whole = decimal.Floor(m);
                    if (whole < 0 || whole > EpochTime.Latest)
                    {
                        understood = EpochTime.DescribeOutOfRange((double)m);
                        return TimeReading.OutOfRange;
                    }

                    epoch = (long)whole;
                    return TimeReading.Ok;
                case bool _:
                case char _:
                    return TimeReading.NotATime;
                case IConvertible c when IsNumeric(c.GetTypeCode()):
                    return InRange(c.ToDouble(CultureInfo.InvariantCulture), ref epoch, ref understood);
                default:
                    return TimeReading.NotATime;
            }
        }

        private static TimeReading InRange(double seconds, ref long? epoch, ref string? understood)
        {
            if (!EpochTime.IsInRange(seconds))
            {
                understood = EpochTime.DescribeOutOfRange(seconds);
                return TimeReading.OutOfRange;
            }

            epoch = (long)Math.Floor(seconds);
            return TimeReading.Ok;
        }

        private static TimeReading InRange(long seconds, ref long? epoch, ref string? understood)
        {
            if (seconds < 0 || seconds > EpochTime.Latest)
            {
                understood = EpochTime.DescribeOutOfRange(seconds);
                return TimeReading.OutOfRange;
            }

            epoch = seconds;
            return TimeReading.Ok;
        }

        private static TimeReading FromDateTime(DateTime time, ref long? epoch, ref string? understood)
        {
            if (time == DateTime.MaxValue || time == DateTime.MinValue)
            {
                understood = $"it is DateTime.{(time == DateTime.MaxValue ? "MaxValue" : "MinValue")}, which stands for no time at all; " +
                    "give the time of the measurement, or leave Time out for the time it is sent";
                return TimeReading.OutOfRange;
            }

            var seconds = EpochTime.FromDateTime(time);
            if (seconds < 0)
            {
                understood = "it is before 1970, where epoch time starts";
                return TimeReading.OutOfRange;
            }

            epoch = seconds;
            return TimeReading.Ok;
        }

        [MethodImpl(HotPath.Optimized)]
        public static bool TryType(object? value, out MetricType? type)
        {
            type = null;
            var text = Unwrap(value)?.ToString();
            if (string.IsNullOrEmpty(text))
            {
                return true;
            }

            if (string.Equals(text, "gauge", StringComparison.OrdinalIgnoreCase))
            {
                type = MetricType.Gauge;
            }
            else if (string.Equals(text, "counter", StringComparison.OrdinalIgnoreCase))
            {
                type = MetricType.Counter;
            }

            return type.HasValue;
        }

        /// <summary>Reads tags from a hashtable or any dictionary; values become invariant strings.</summary>
        [MethodImpl(HotPath.Optimized)]
        public static bool TryTags(object? value, out IDictionary<string, string>? tags)
        {
            tags = null;
            var raw = Unwrap(value);
            if (raw == null)
            {
                return true;
            }

            if (!(raw is IDictionary dictionary))
            {
                return false;
            }

            var result = new Dictionary<string, string>(dictionary.Count, StringComparer.OrdinalIgnoreCase);
            foreach (DictionaryEntry entry in dictionary)
            {
                var key = Unwrap(entry.Key)?.ToString() ?? string.Empty;
                var tagValue = Unwrap(entry.Value);
                if (!IsTagValue(tagValue))
                {
                    // TagsProblem says why; checked in this one pass, as piped objects may each bring their own table.
                    return false;
                }

                result[key] = tagValue is IFormattable f ? f.ToString(null, CultureInfo.InvariantCulture) : tagValue?.ToString() ?? string.Empty;
            }

            tags = result;
            return true;
        }

        /// <summary>
        /// Why a tag table cannot be read as tags, as the end of a sentence about it; null when it can. A tag value is one
        /// piece of text or a number: a nested table or a list would otherwise be stored as its type name.
        /// </summary>
        public static string? TagsProblem(object? value)
        {
            var raw = Unwrap(value);
            if (raw == null)
            {
                return null;
            }

            if (!(raw is IDictionary dictionary))
            {
                return "they are not a hashtable of tag names and values";
            }

            foreach (DictionaryEntry entry in dictionary)
            {
                var tagValue = Unwrap(entry.Value);
                if (!IsTagValue(tagValue))
                {
                    var key = Unwrap(entry.Key);
                    var kind = tagValue is IDictionary ? "a hashtable" : tagValue is IEnumerable ? "a list" : "an object (" + tagValue!.GetType().Name + ")";
                    return $"the tag '{key}' has {kind} as its value; a tag value is one piece of text or a number, as in @{{ {key} = 'value' }}";
                }
            }

            return null;
        }

        // One piece of text or a number (or missing): what a tag value can be.
        private static bool IsTagValue(object? value) => value == null || value is string || value is ValueType;

        [MethodImpl(HotPath.Optimized)]
        public static string? Text(object? value)
        {
            var raw = Unwrap(value);
            return raw is IFormattable f ? f.ToString(null, CultureInfo.InvariantCulture) : raw?.ToString();
        }

        private static bool IsNumeric(TypeCode code) => code >= TypeCode.SByte && code <= TypeCode.Decimal;
    }
}
