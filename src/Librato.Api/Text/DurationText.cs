using System;
using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;

namespace Librato.Api
{
    /// <summary>
    /// Durations as people write them: <c>5s</c>, <c>1m07s</c>, <c>2h03m</c>, <c>3d04h</c>. Shown that way in views and
    /// messages, and accepted that way by duration parameters, so a suggestion in a message can be typed back as is.
    /// </summary>
    public static class DurationText
    {
        private static readonly Regex Pattern = new Regex(
            @"^\s*(?:(?<d>\d+)d)?(?:(?<h>\d+)h)?(?:(?<m>\d+)m)?(?:(?<s>\d+)s)?\s*$",
            RegexOptions.IgnoreCase | RegexOptions.CultureInvariant);

        /// <summary>The two largest units that are not zero, the second padded to two digits: <c>1m07s</c>, <c>2h03m</c>.</summary>
        public static string Format(TimeSpan duration)
        {
            var negative = duration < TimeSpan.Zero;
            var seconds = (long)Math.Round(Math.Abs(duration.TotalSeconds));
            if (seconds == 0 && duration != TimeSpan.Zero)
            {
                return (negative ? "-" : string.Empty) + Math.Abs(duration.TotalMilliseconds).ToString("0", CultureInfo.InvariantCulture) + "ms";
            }

            var parts = new (long Value, string Unit)[] { (seconds / 86400, "d"), (seconds / 3600 % 24, "h"), (seconds / 60 % 60, "m"), (seconds % 60, "s") };
            var first = Array.FindIndex(parts, p => p.Value != 0);

            if (first < 0)
            {
                return "0s";
            }

            var text = new StringBuilder(negative ? "-" : string.Empty);
            text.Append(parts[first].Value.ToString(CultureInfo.InvariantCulture)).Append(parts[first].Unit);
            if (first < parts.Length - 1 && parts[first + 1].Value != 0)
            {
                text.Append(parts[first + 1].Value.ToString("00", CultureInfo.InvariantCulture)).Append(parts[first + 1].Unit);
            }

            return text.ToString();
        }

        /// <summary>Reads <c>90s</c>, <c>1m30s</c>, <c>2h</c>, <c>1d12h</c>; false for anything else.</summary>
        public static bool TryParse(string? text, out TimeSpan duration)
        {
            duration = TimeSpan.Zero;
            var match = text == null ? null : Pattern.Match(text);
            if (match == null || !match.Success || text!.Trim().Length == 0)
            {
                return false;
            }

            long Part(string name) => match.Groups[name].Success ? long.Parse(match.Groups[name].Value, CultureInfo.InvariantCulture) : 0;
            duration = TimeSpan.FromSeconds(Part("d") * 86400 + Part("h") * 3600 + Part("m") * 60 + Part("s"));
            return true;
        }
    }
}
