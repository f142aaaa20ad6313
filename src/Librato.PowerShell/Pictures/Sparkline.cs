using System;
using System.Collections.Generic;
using System.Text;

namespace Librato.PowerShell.Pictures
{
    /// <summary>Draws values as one line of bar characters, scaled from the lowest value shown to the highest.</summary>
    public static class Sparkline
    {
        /// <summary>
        /// One character per value: the lowest value gets the lowest level and the highest the full one; a value that is
        /// NaN or infinite is a gap. When every value is the same, all of them get the middle level, so a flat line
        /// reads as steady rather than as low.
        /// </summary>
        public static string Render(IReadOnlyList<double> values, GlyphSet glyphs)
        {
            var range = ValueRange.Of(values);
            var text = new StringBuilder(values.Count);
            foreach (var value in values)
            {
                text.Append(IsDrawable(value) ? glyphs.Levels[Level(value, range, glyphs.Levels.Length)] : glyphs.Gap);
            }

            return text.ToString();
        }

        /// <summary>The level (0 to <paramref name="levels"/> - 1) of a value within the range.</summary>
        public static int Level(double value, ValueRange range, int levels)
        {
            if (range.IsFlat)
            {
                return (levels - 1) / 2;
            }

            var level = (int)Math.Round((value - range.Min) / (range.Max - range.Min) * (levels - 1), MidpointRounding.AwayFromZero);
            return Math.Max(0, Math.Min(levels - 1, level));
        }

        internal static bool IsDrawable(double value) => !double.IsNaN(value) && !double.IsInfinity(value);
    }
}
