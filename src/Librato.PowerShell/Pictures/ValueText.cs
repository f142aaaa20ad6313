using System;
using System.Globalization;

namespace Librato.PowerShell.Pictures
{
    /// <summary>Short numbers for labels: at most two decimals, thousands and beyond as k, M, G, T, P.</summary>
    public static class ValueText
    {
        private static readonly string[] Suffixes = { "k", "M", "G", "T", "P" };

        public static string Format(double value, string? unit, IFormatProvider culture)
        {
            return Number(value, culture) + Unit(unit);
        }

        public static string Number(double value, IFormatProvider culture)
        {
            if (double.IsNaN(value))
            {
                return "NaN";
            }

            if (double.IsInfinity(value))
            {
                return value > 0 ? "\u221E" : "-\u221E";
            }

            var magnitude = Math.Abs(value);
            if (magnitude >= 10000)
            {
                var scaled = value;
                var suffix = -1;
                while (suffix < Suffixes.Length - 1 && Math.Abs(Math.Round(scaled, 2)) >= 1000)
                {
                    scaled /= 1000;
                    suffix++;
                }

                return scaled.ToString("0.##", culture) + Suffixes[suffix];
            }

            if (magnitude >= 0.01 || magnitude == 0)
            {
                return value.ToString("0.##", culture);
            }

            return value.ToString("G3", culture);
        }

        /// <summary>The unit as it follows a number: percent signs directly, anything else after a space.</summary>
        public static string Unit(string? unit)
        {
            if (string.IsNullOrWhiteSpace(unit))
            {
                return string.Empty;
            }

            return unit == "%" ? unit! : " " + unit!.Trim();
        }
    }
}
