using System.Collections.Generic;

namespace Librato.PowerShell.Pictures
{
    /// <summary>One line of an SVG chart: its legend label and its points in time order.</summary>
    public sealed class SvgSeries
    {
        public SvgSeries(string label, IReadOnlyList<SeriesPoint> points)
        {
            Label = label;
            Points = points;
        }

        public string Label { get; }

        public IReadOnlyList<SeriesPoint> Points { get; }

        /// <summary>The unit of the series' values, shown with its numbers in the legend; null for none.</summary>
        public string? Unit { get; set; }
    }
}
