using System;
using System.Collections;
using System.Collections.Generic;
using System.Globalization;
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
                result[key] = tagValue is IFormattable f ? f.ToString(null, CultureInfo.InvariantCulture) : tagValue?.ToString() ?? string.Empty;
            }

            tags = result;
            return true;
        }

        [MethodImpl(HotPath.Optimized)]
        public static string? Text(object? value)
        {
            var raw = Unwrap(value);
            return raw is IFormattable f ? f.ToString(null, CultureInfo.InvariantCulture) : raw?.ToString();
        }

        private static bool IsNumeric(TypeCode code) => code >= TypeCode.SByte && code <= TypeCode.Decimal;
    }
}
