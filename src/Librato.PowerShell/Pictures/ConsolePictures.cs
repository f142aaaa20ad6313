using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using Librato.Api;

namespace Librato.PowerShell.Pictures
{
    /// <summary>
    /// Draws the series of one metric for the console: a sparkline line per series with its min, max and last, or a
    /// small chart of several rows per series; each as a <see cref="MetricPicture"/> that also carries the numbers.
    /// </summary>
    public sealed class ConsolePictures
    {
        public const int DefaultChartHeight = 8;

        private const int MinColumns = 8;
        private const int MaxLabelWidth = 32;

        public ConsolePictures(long start, long end, int resolution, int width)
        {
            Start = start;
            End = end;
            Resolution = resolution;
            Width = width;
        }

        public long Start { get; }

        public long End { get; }

        public int Resolution { get; }

        /// <summary>The width of each line in characters.</summary>
        public int Width { get; }

        /// <summary>Charts of <see cref="Height"/> rows instead of sparklines.</summary>
        public bool Charted { get; set; }

        public int Height { get; set; } = DefaultChartHeight;

        /// <summary>Each chart on its own scale rather than the one the metric's series share.</summary>
        public bool IndependentScale { get; set; }

        public GlyphSet Glyphs { get; set; } = GlyphSet.Unicode;

        /// <summary>The statistic drawn, which also decides how the points of one column combine.</summary>
        public string? SummaryFunction { get; set; }

        public IEnumerable<MetricPicture> Draw(string metric, string? unit, IReadOnlyList<PictureSeries> series)
        {
            var culture = CultureInfo.CurrentCulture;
            var width = Width;
            var glyphs = Glyphs;
            string Text(double value) => ValueText.Format(value, unit, culture);

            var labels = PictureSeries.Names(series).Select(name => Shorten(name, MaxLabelWidth, glyphs)).ToList();
            var labelWidth = labels.Max(l => l.Length);
            var stats = series.Select(s => SeriesStatistics.Of(s.Values)!).ToList();
            var minTexts = stats.Select(s => Text(s.Min)).ToList();
            var maxTexts = stats.Select(s => Text(s.Max)).ToList();
            var lastTexts = stats.Select(s => Text(s.Last)).ToList();
            var minWidth = minTexts.Max(t => t.Length);
            var maxWidth = maxTexts.Max(t => t.Length);
            string Numbers(int i) =>
                "min " + minTexts[i].PadLeft(minWidth) + "  max " + maxTexts[i].PadLeft(maxWidth) + "  last " + lastTexts[i];

            var numbersWidth = Enumerable.Range(0, series.Count).Max(i => Numbers(i).Length);
            var grid = new ColumnGrid(Start, End, Resolution, Math.Max(MinColumns, width - labelWidth - numbersWidth - 4));
            var bucket = BucketFor(SummaryFunction);
            var height = Height;
            var shared = new ValueRange(stats.Min(x => x.Min), stats.Max(x => x.Max));

            for (var i = 0; i < series.Count; i++)
            {
                var s = series[i];
                string drawing;
                if (Charted)
                {
                    // A first chart tells how wide its y labels are; when they leave less room than guessed, the
                    // columns are cut again to fit the line.
                    var chartGrid = new ColumnGrid(Start, End, Resolution, Math.Max(MinColumns, width - 2 - Math.Max(minTexts[i].Length, maxTexts[i].Length)));
                    var chartColumns = chartGrid.Bucket(s.Values, bucket);
                    // On the points' range, not the columns': the axis then agrees with the min and max printed above it.
                    var scale = IndependentScale ? new ValueRange(stats[i].Min, stats[i].Max) : shared;
                    var chart = TextChart.Render(chartColumns, height, glyphs, Text, TimeLabel(chartGrid.Origin), TimeLabel(End), scale);
                    var axisWidth = chart[0].IndexOfAny(new[] { glyphs.Tick, glyphs.Axis }) + 1;
                    if (axisWidth + chartGrid.Columns > width && chartGrid.Columns > MinColumns)
                    {
                        chartGrid = new ColumnGrid(Start, End, Resolution, Math.Max(MinColumns, width - axisWidth));
                        chartColumns = chartGrid.Bucket(s.Values, bucket);
                        chart = TextChart.Render(chartColumns, height, glyphs, Text, TimeLabel(chartGrid.Origin), TimeLabel(End), scale);
                    }

                    drawing = labels[i] + "  " + Numbers(i) + Environment.NewLine + string.Join(Environment.NewLine, chart);
                    yield return Picture(metric, unit, s, stats[i], chartGrid, chartColumns, Sparkline.Render(chartColumns, glyphs), drawing);
                    continue;
                }

                var columns = grid.Bucket(s.Values, bucket);
                var sparkline = Sparkline.Render(columns, glyphs);
                drawing = labels[i].PadRight(labelWidth) + "  " + sparkline + "  " + Numbers(i);
                yield return Picture(metric, unit, s, stats[i], grid, columns, sparkline, drawing);
            }
        }

        private MetricPicture Picture(string metric, string? unit, PictureSeries s, SeriesStatistics stats, ColumnGrid grid, double[] columns, string sparkline, string drawing) =>
            new MetricPicture(metric, s.Label, s.Points)
            {
                Source = s.Source,
                Tags = s.Tags,
                StartTime = EpochTime.ToDateTime(Start),
                EndTime = EpochTime.ToDateTime(End),
                Resolution = Resolution,
                SecondsPerColumn = grid.SecondsPerColumn,
                SummaryFunction = SummaryFunction,
                Unit = unit,
                Count = stats.Count,
                Min = stats.Min,
                Max = stats.Max,
                Last = stats.Last,
                LastTime = EpochTime.ToDateTime(stats.LastTime),
                Columns = columns,
                Sparkline = sparkline,
                Picture = drawing,
            };

        private string TimeLabel(long time) =>
            DisplayTime.LocalEpoch(time).ToString(End - Start > 86400 ? "MM-dd HH:mm" : "HH:mm", CultureInfo.InvariantCulture);

        private static BucketFunction BucketFor(string? summary)
        {
            switch (summary)
            {
                case "sum":
                case "count":
                    return BucketFunction.Sum;
                case "min":
                    return BucketFunction.Min;
                case "max":
                    return BucketFunction.Max;
                default:
                    return BucketFunction.Mean;
            }
        }

        private static string Shorten(string label, int width, GlyphSet glyphs) =>
            label.Length <= width ? label : label.Substring(0, width - 1) + glyphs.Ellipsis;
    }
}
