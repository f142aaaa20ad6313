using System;
using System.Collections;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Management.Automation;
using System.Management.Automation.Host;
using Librato.Api;
using Librato.PowerShell.Pictures;

namespace Librato.PowerShell.Commands
{
    /// <summary>
    /// Draws a metric's recent series in the terminal, one sparkline line (or with -Chart a small chart) per series,
    /// or, with -OutFile, as an SVG line chart of every series shown.
    /// </summary>
    [Cmdlet(VerbsCommon.Show, "LibratoMetric", DefaultParameterSetName = AnySet, SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.Low)]
    [OutputType(typeof(MetricPicture), typeof(FileInfo))]
    public sealed class ShowLibratoMetricCommand : PointReadCmdlet
    {
        public const string AnySet = "Any";
        public const string TagSet = "Tags";
        public const string SourceSet = "Sources";


        /// <summary>The resolutions a picture picks from when -Resolution is not given; legacy reads offer only these.</summary>
        internal static readonly int[] LegacyResolutions = { 1, 60, 900, 3600, 86400 };

        /// <summary>The most points per series the automatic resolution reads.</summary>
        internal const int MaxAutomaticPoints = 720;

        private const int DefaultChartHeight = 8;
        private const int FallbackWidth = 80;
        private const int MinColumns = 8;
        private const int MaxLabelWidth = 32;

        private readonly HashSet<string> shown = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        private readonly List<(string Metric, string Label, string? Unit, IReadOnlyList<SeriesPoint> Points)> svgSeries =
            new List<(string, string, string?, IReadOnlyList<SeriesPoint>)>();

        private long start;
        private long end;
        private int resolution;
        private string? outFile;

        [Parameter(Mandatory = true, Position = 0, ValueFromPipeline = true, ValueFromPipelineByPropertyName = true)]
        [ValidateNotNullOrEmpty]
        [ArgumentCompleter(typeof(MetricNameCompleter))]
        public string[] Name { get; set; } = new string[0];

        /// <summary>Legacy sources (names or <c>*</c> patterns); reads the metric's legacy series only.</summary>
        [Parameter(Mandatory = true, ParameterSetName = SourceSet)]
        [ValidateNotNullOrEmpty]
        [SupportsWildcards]
        public string[]? Source { get; set; }

        /// <summary>Tag filters: tag name to a pattern or an array of patterns; reads the metric's tagged series only.</summary>
        [Parameter(ParameterSetName = TagSet)]
        [ValidateNotNull]
        public Hashtable? Tag { get; set; }

        /// <summary>A tag search expression, e.g. <c>region=us-east* and db=*prod*</c>; reads tagged series only.</summary>
        [Parameter(ParameterSetName = TagSet)]
        [ValidateNotNullOrEmpty]
        public string? TagSearch { get; set; }

        [Parameter]
        [ValidateSet("mean", "sum", "min", "max", "count", "stddev", "derivative", IgnoreCase = true)]
        public string? SummaryFunction { get; set; }

        /// <summary>The width of each line in characters; by default the console's.</summary>
        [Parameter]
        [ValidateRange(20, 1000)]
        public int? Width { get; set; }

        /// <summary>Draws each series as a small chart of several lines instead of one sparkline line.</summary>
        [Parameter]
        public SwitchParameter Chart { get; set; }

        /// <summary>The chart's height in lines (without its axis and time labels); implies -Chart.</summary>
        [Parameter]
        [ValidateRange(TextChart.MinHeight, 100)]
        public int? Height { get; set; }

        /// <summary>
        /// Draws each series of a chart on its own scale. By default the series of one metric share one, so a series
        /// that runs higher than another is drawn higher.
        /// </summary>
        [Parameter]
        public SwitchParameter IndependentScale { get; set; }

        /// <summary>Draws with ASCII characters only, for consoles without block elements.</summary>
        [Parameter]
        public SwitchParameter Ascii { get; set; }

        /// <summary>Writes every series shown to this SVG file instead of drawing them in the terminal.</summary>
        [Parameter]
        [ValidateNotNullOrEmpty]
        public string? OutFile { get; set; }

        /// <summary>Does not replace an existing -OutFile.</summary>
        [Parameter]
        public SwitchParameter NoClobber { get; set; }

        /// <summary>With -OutFile, writes the pictures as well as the file.</summary>
        [Parameter]
        public SwitchParameter PassThru { get; set; }

        private GlyphSet Glyphs => Ascii ? GlyphSet.Ascii : GlyphSet.Unicode;

        private bool Charted => Chart || Height.HasValue;

        private bool Drawn => OutFile == null || PassThru;

        protected override void BeginProcessing()
        {
            _ = ActiveSession;
            var window = Window();
            end = window.EndTime;
            start = window.StartTime;
            resolution = Resolution ?? AutomaticResolution(end - start);

            // The API's points start at multiples of the resolution; reading from one keeps the first column whole.
            start -= ((start % resolution) + resolution) % resolution;
            if (SummaryFunction != null)
            {
                SummaryFunction = SummaryFunction.ToLowerInvariant();
            }

            if (OutFile != null)
            {
                outFile = SessionState.Path.GetUnresolvedProviderPathFromPSPath(OutFile);
            }
        }

        protected override void ProcessRecord()
        {
            foreach (var raw in Name)
            {
                var name = ActiveSession.MetricName(raw);
                if (shown.Add(name))
                {
                    ForMetric(name, () => Show(name));
                }
            }
        }

        protected override void EndProcessing()
        {
            if (outFile == null || svgSeries.Count == 0)
            {
                return;
            }

            if (NoClobber && File.Exists(outFile))
            {
                WriteError(new ErrorRecord(
                    new IOException($"The file '{outFile}' already exists, and -NoClobber was given."),
                    ErrorIds.ExportFileExists, ErrorCategory.ResourceExists, outFile));
                return;
            }

            var metrics = svgSeries.Select(s => s.Metric).Distinct(StringComparer.OrdinalIgnoreCase).ToList();
            if (!ShouldProcess(outFile, $"Write an SVG chart of {svgSeries.Count} series of {string.Join(", ", metrics)}"))
            {
                return;
            }

            var units = svgSeries.Select(s => s.Unit ?? string.Empty).Distinct().ToList();
            var chart = new SvgChart(
                string.Join(", ", metrics),
                start,
                end,
                svgSeries.Select(s => new SvgSeries(metrics.Count > 1 ? s.Metric + " " + s.Label : s.Label, s.Points) { Unit = s.Unit }).ToList())
            {
                // The axis carries a unit only when every series shares it.
                Unit = units.Count == 1 ? units[0] : null,
            };

            if (WriteAtomically(outFile, chart))
            {
                WriteFileItem(outFile);
            }
        }

        /// <summary>The finest resolution that keeps a series within <see cref="MaxAutomaticPoints"/> points.</summary>
        internal static int AutomaticResolution(long seconds)
        {
            foreach (var candidate in LegacyResolutions)
            {
                if (seconds / candidate <= MaxAutomaticPoints)
                {
                    return candidate;
                }
            }

            return LegacyResolutions[LegacyResolutions.Length - 1];
        }

        private void Show(string name)
        {
            var query = new PointQuery
            {
                StartTime = start,
                EndTime = end,
                StartTimeGiven = StartTime.HasValue,
                Resolution = resolution,
                SummaryFunction = SummaryFunction,
                TagsSearch = TagSearch,
            };
            foreach (var source in Source ?? new string[0])
            {
                query.Sources.Add(source);
            }

            TagFilters.AddTo(query.Tags, Tag);

            var points = new List<LibratoMeasurement>();
            var reader = ReadPoints(
                name,
                query,
                read => points.AddRange(read),
                $"Reading {name} to draw it",
                why => WriteError(new ErrorRecord(new ItemNotFoundException(why), ErrorIds.NoMeasurements, ErrorCategory.ObjectNotFound, name)),
                ProgressIds.DrawMetric);
            if (reader == null || points.Count == 0)
            {
                return;
            }

            // A picture spans its window, so -Count keeps the last (from -StartTime, the first) N points within it.
            if (Count.HasValue)
            {
                points = PointCount.Keep(points, Count.Value, StartTime.HasValue);
            }

            // A tagged read does not bring the metric's properties (its unit); the read by source does.
            var metric = reader.Metric ?? Await(ct => Client.GetMetricAsync(name, null, Trace, ct)).Metric;
            // A counter's points are running totals; what a reader wants to see is how fast it grows, so without a
            // summary function it is drawn as its change from point to point.
            var changes = SummaryFunction == null && string.Equals(metric.Type, "counter", StringComparison.OrdinalIgnoreCase);
            var series = points
                .GroupBy(SeriesLabel.Of, StringComparer.Ordinal)
                .OrderBy(g => g.Key, StringComparer.Ordinal)
                .Select(g =>
                {
                    var ordered = g.OrderBy(p => p.Time).ToList();
                    var values = changes ? Changes(ordered) : ordered.Select(p => new SeriesPoint(EpochTime.FromDateTime(p.Time), p.Value ?? double.NaN)).ToList();
                    return new Series(g.Key, ordered, values) { Source = ordered[0].Source, Tags = ordered[0].Tags };
                })
                .ToList();

            series = series.Where(s => s.Values.Any(v => v.HasValue)).ToList();
            if (series.Count == 0)
            {
                WriteError(new ErrorRecord(
                    new ItemNotFoundException($"The metric '{metric.Name}' has no values{FilterText()} between {DisplayTime.FormatEpoch(start)} and {DisplayTime.FormatEpoch(end)}: every point read lacks the statistic asked for."),
                    ErrorIds.NoMeasurements, ErrorCategory.ObjectNotFound, name));
                return;
            }

            var unit = UnitOf(metric);
            if (outFile != null)
            {
                var names = Names(series);
                for (var i = 0; i < series.Count; i++)
                {
                    svgSeries.Add((metric.Name, names[i], unit, series[i].Values));
                }
            }

            if (Drawn)
            {
                foreach (var picture in Draw(metric.Name, unit, series))
                {
                    WriteObject(picture);
                }
            }
        }

        /// <summary>The series' names in a picture: of tagged series, only the tags that differ between them.</summary>
        private static IReadOnlyList<string> Names(IReadOnlyList<Series> series) =>
            SeriesNames.Distinguishing(series.Select(s => s.Tags).ToList(), series.Select(s => s.Label).ToList());

        /// <summary>Each point's value less the one before it; a series' first point has nothing to differ from.</summary>
        private static List<SeriesPoint> Changes(IReadOnlyList<LibratoMeasurement> ordered)
        {
            var values = new List<SeriesPoint>(ordered.Count);
            double? previous = null;
            foreach (var point in ordered)
            {
                var change = SourcePointSummary.ValueOf(point, "derivative", previous);
                previous = point.Value ?? previous;
                if (change.HasValue)
                {
                    values.Add(new SeriesPoint(EpochTime.FromDateTime(point.Time), change.Value));
                }
            }

            return values;
        }

        private IEnumerable<MetricPicture> Draw(string metric, string? unit, IReadOnlyList<Series> series)
        {
            var culture = CultureInfo.CurrentCulture;
            var width = LineWidth();
            var glyphs = Glyphs;
            string Text(double value) => ValueText.Format(value, unit, culture);

            var labels = Names(series).Select(name => Shorten(name, MaxLabelWidth, glyphs)).ToList();
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
            var grid = new ColumnGrid(start, end, resolution, Math.Max(MinColumns, width - labelWidth - numbersWidth - 4));
            var bucket = BucketFor(SummaryFunction);
            var height = Height ?? DefaultChartHeight;
            var shared = new ValueRange(stats.Min(x => x.Min), stats.Max(x => x.Max));

            for (var i = 0; i < series.Count; i++)
            {
                var s = series[i];
                string drawing;
                if (Charted)
                {
                    // A first chart tells how wide its y labels are; when they leave less room than guessed, the
                    // columns are cut again to fit the line.
                    var chartGrid = new ColumnGrid(start, end, resolution, Math.Max(MinColumns, width - 2 - Math.Max(minTexts[i].Length, maxTexts[i].Length)));
                    var chartColumns = chartGrid.Bucket(s.Values, bucket);
                    // On the points' range, not the columns': the axis then agrees with the min and max printed above it.
                    var scale = IndependentScale ? new ValueRange(stats[i].Min, stats[i].Max) : shared;
                    var chart = TextChart.Render(chartColumns, height, glyphs, Text, TimeLabel(chartGrid.Origin), TimeLabel(end), scale);
                    var axisWidth = chart[0].IndexOfAny(new[] { glyphs.Tick, glyphs.Axis }) + 1;
                    if (axisWidth + chartGrid.Columns > width && chartGrid.Columns > MinColumns)
                    {
                        chartGrid = new ColumnGrid(start, end, resolution, Math.Max(MinColumns, width - axisWidth));
                        chartColumns = chartGrid.Bucket(s.Values, bucket);
                        chart = TextChart.Render(chartColumns, height, glyphs, Text, TimeLabel(chartGrid.Origin), TimeLabel(end), scale);
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

        private MetricPicture Picture(string metric, string? unit, Series s, SeriesStatistics stats, ColumnGrid grid, double[] columns, string sparkline, string drawing) =>
            new MetricPicture(metric, s.Label, s.Points)
            {
                Source = s.Source,
                Tags = s.Tags,
                StartTime = EpochTime.ToDateTime(start),
                EndTime = EpochTime.ToDateTime(end),
                Resolution = resolution,
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
            new DateTimeOffset(EpochTime.ToDateTime(time)).ToLocalTime().ToString(end - start > 86400 ? "MM-dd HH:mm" : "HH:mm", CultureInfo.InvariantCulture);

        private int LineWidth()
        {
            if (Width.HasValue)
            {
                return Width.Value;
            }

            // Writing in the last column wraps in some consoles, so a line stops one short of it.
            var console = DisplayText.ConsoleWidth(Host);
            return console >= 20 ? console - 1 : FallbackWidth;
        }

        private string FilterText()
        {
            if (Source != null)
            {
                return " from the source(s) " + string.Join(", ", Source);
            }

            if (Tag != null && Tag.Count > 0)
            {
                return " matching the tag filters";
            }

            return TagSearch != null ? " matching '" + TagSearch + "'" : string.Empty;
        }

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

        private static string? UnitOf(LibratoMetric metric)
        {
            foreach (var key in new[] { "display_units_short", "display_units_long" })
            {
                if (metric.Attributes.TryGetValue(key, out var value) && value != null)
                {
                    var text = Convert.ToString(value, CultureInfo.InvariantCulture);
                    if (!string.IsNullOrWhiteSpace(text))
                    {
                        return text!.Trim();
                    }
                }
            }

            return null;
        }

        private static string Shorten(string label, int width, GlyphSet glyphs) =>
            label.Length <= width ? label : label.Substring(0, width - 1) + glyphs.Ellipsis;

        private bool WriteAtomically(string path, SvgChart chart)
        {
            var directory = System.IO.Path.GetDirectoryName(path);
            var temporary = System.IO.Path.Combine(
                string.IsNullOrEmpty(directory) ? "." : directory,
                "." + System.IO.Path.GetFileName(path) + "." + Guid.NewGuid().ToString("N").Substring(0, 8) + ".tmp");
            try
            {
                using (var stream = new FileStream(temporary, FileMode.CreateNew, FileAccess.Write))
                {
                    chart.Write(stream);
                }

                // Readers of the file see the old chart or the new one, never a half-written one.
                if (File.Exists(path))
                {
                    File.Replace(temporary, path, null);
                }
                else
                {
                    File.Move(temporary, path);
                }

                return true;
            }
            catch (Exception ex) when (ex is IOException || ex is UnauthorizedAccessException || ex is NotSupportedException)
            {
                try
                {
                    File.Delete(temporary);
                }
                catch (Exception cleanup) when (cleanup is IOException || cleanup is UnauthorizedAccessException)
                {
                    WriteVerbose($"Could not remove the temporary file '{temporary}': {cleanup.Message}");
                }

                WriteError(new ErrorRecord(ex, ErrorIds.FileWriteFailed, ErrorCategory.WriteError, path));
                return false;
            }
        }

        /// <summary>One series read: its label, the points as the API sent them, and the values to draw.</summary>
        private sealed class Series
        {
            public Series(string label, IReadOnlyList<LibratoMeasurement> points, IReadOnlyList<SeriesPoint> values)
            {
                Label = label;
                Points = points;
                Values = values;
            }

            public string Label { get; }

            public IReadOnlyList<LibratoMeasurement> Points { get; }

            public IReadOnlyList<SeriesPoint> Values { get; }

            public string? Source { get; set; }

            public IDictionary<string, string>? Tags { get; set; }
        }
    }
}
