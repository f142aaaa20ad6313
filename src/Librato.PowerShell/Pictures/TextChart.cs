using System;
using System.Collections.Generic;
using System.Text;

namespace Librato.PowerShell.Pictures
{
    /// <summary>
    /// Draws values as a small column chart over several lines: one column per value, rising from the lowest value
    /// shown to the highest, with those two values on the y axis and the window's start and end under the x axis.
    /// </summary>
    public static class TextChart
    {
        public const int MinHeight = 2;

        /// <summary>
        /// The chart's lines, top first: <paramref name="height"/> rows of bars, the x axis, and a line of time labels.
        /// Each row has as many cells as the glyph set has cell levels, so a column's height is exact to a fraction
        /// of a row. The lowest value still shows as the smallest fill, so it is not mistaken for a gap.
        /// </summary>
        /// <param name="scale">
        /// The values the rows span, when not the values' own: the range of several series drawn alike, or the raw
        /// points' range where the columns average them, so the axis agrees with the numbers printed beside the chart.
        /// </param>
        public static IReadOnlyList<string> Render(
            IReadOnlyList<double> values, int height, GlyphSet glyphs, Func<double, string> format, string startLabel, string endLabel, ValueRange? scale = null)
        {
            if (height < MinHeight)
            {
                throw new ArgumentOutOfRangeException(nameof(height), height, $"A chart needs at least {MinHeight} rows.");
            }

            var range = scale ?? ValueRange.Of(values);
            var cellLevels = glyphs.CellLevels.Length;
            var total = height * cellLevels;
            var maxLabel = range.IsEmpty ? string.Empty : format(range.Max);
            var minLabel = range.IsFlat ? string.Empty : format(range.Min);
            var labelWidth = Math.Max(maxLabel.Length, minLabel.Length);

            // A flat series has its one value beside the row its bars end in, not at the top.
            var maxRow = range.IsFlat ? (Math.Max(1, total / 2) - 1) / cellLevels : height - 1;

            var units = new int[values.Count];
            for (var i = 0; i < values.Count; i++)
            {
                var value = values[i];
                if (!Sparkline.IsDrawable(value))
                {
                    units[i] = 0;
                }
                else if (range.IsFlat)
                {
                    units[i] = Math.Max(1, total / 2);
                }
                else
                {
                    var share = Math.Min(1, Math.Max(0, (value - range.Min) / (range.Max - range.Min)));
                    units[i] = 1 + (int)Math.Round(share * (total - 1), MidpointRounding.AwayFromZero);
                }
            }

            var lines = new List<string>(height + 2);
            for (var row = height - 1; row >= 0; row--)
            {
                var label = row == maxRow ? maxLabel : row == 0 ? minLabel : string.Empty;
                var line = new StringBuilder();
                line.Append(label.PadLeft(labelWidth)).Append(' ').Append(label.Length > 0 ? glyphs.Tick : glyphs.Axis);
                foreach (var columnUnits in units)
                {
                    var fill = Math.Max(0, Math.Min(cellLevels, columnUnits - row * cellLevels));
                    line.Append(fill == 0 ? glyphs.Gap : glyphs.CellLevels[fill - 1]);
                }

                lines.Add(line.ToString().TrimEnd());
            }

            lines.Add(new string(' ', labelWidth + 1) + glyphs.Corner + new string(glyphs.Baseline, values.Count));
            lines.Add((new string(' ', labelWidth + 2) + TimeLine(values.Count, startLabel, endLabel)).TrimEnd());
            return lines;
        }

        /// <summary>The start label under the first column and the end label ending under the last, when both fit.</summary>
        private static string TimeLine(int columns, string startLabel, string endLabel)
        {
            if (endLabel.Length == 0 || columns < startLabel.Length + 1 + endLabel.Length)
            {
                return startLabel;
            }

            return startLabel + new string(' ', columns - startLabel.Length - endLabel.Length) + endLabel;
        }
    }
}
