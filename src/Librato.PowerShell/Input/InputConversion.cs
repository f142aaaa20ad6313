using System;
using System.Collections;
using System.Collections.Generic;
using System.Globalization;
using System.Management.Automation;
using System.Runtime.CompilerServices;
using Librato.Api;

namespace Librato.PowerShell
{
    /// <summary>Loose conversions of pipeline values (numbers as strings, times as epochs, tags as hashtables).</summary>
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

        /// <summary>Reads a time as epoch seconds from DateTime, DateTimeOffset, an epoch number or a date string.</summary>
        [MethodImpl(HotPath.Optimized)]
        public static bool TryTime(object? value, out long? epoch)
        {
            epoch = null;
            var raw = Unwrap(value);

            // Epoch seconds, the common form in bulk input, need no trip through DateTime.
            if (raw is long seconds)
            {
                epoch = seconds;
                return true;
            }

            if (raw is int small)
            {
                epoch = small;
                return true;
            }

            switch (LibratoTimeAttribute.Convert(raw))
            {
                case null:
                    return true;
                case DateTime dt:
                    epoch = EpochTime.FromDateTime(dt);
                    return true;
                case string s when DateTime.TryParse(s, CultureInfo.InvariantCulture, DateTimeStyles.None, out var parsed):
                    epoch = EpochTime.FromDateTime(parsed);
                    return true;
                case string s when long.TryParse(s, NumberStyles.Integer, CultureInfo.InvariantCulture, out var parsedSeconds):
                    epoch = parsedSeconds;
                    return true;
                default:
                    return false;
            }
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
