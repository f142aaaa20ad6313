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
    public sealed class ShowLibratoMetricCommand : LibratoCmdlet
    {
        public const string AnySet = "Any";
        public const string TagSet = "Tags";
        public const string SourceSet = "Sources";

        /// <summary>How far back points are read when neither -StartTime nor -Duration is given.</summary>
        public static readonly TimeSpan DefaultWindow = TimeSpan.FromHours(1);

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

        [Parameter]
        [LibratoTime]
        public DateTime? StartTime { get; set; }

        [Parameter]
        [LibratoTime]
        public DateTime? EndTime { get; set; }

        /// <summary>How far back from the end time to read (a TimeSpan, or seconds) when -StartTime is not given.</summary>
        [Parameter]
        [Seconds]
        public TimeSpan? Duration { get; set; }

        /// <summary>Seconds per point read; by default the finest of 1, 60, 900, 3600 and 86400 giving at most 720 points.</summary>
        [Parameter]
        [ValidateRange(1, 604800)]
        public int? Resolution { get; set; }

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
            end = EndTime.HasValue ? EpochTime.FromDateTime(EndTime.Value) : EpochTime.Now();
            start = StartTime.HasValue ? EpochTime.FromDateTime(StartTime.Value) : end - (long)(Duration ?? DefaultWindow).TotalSeconds;
            if (start >= end)
            {
                ThrowTerminatingError(new ErrorRecord(
                    new ArgumentException($"The window must end after it starts; it starts at {EpochTime.ToDateTime(start):u} and ends at {EpochTime.ToDateTime(end):u}."),
                    ErrorIds.InvalidInterval, ErrorCategory.InvalidArgument, StartTime));
            }

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
                svgSeries.Select(s => new SvgSeries(metrics.Count > 1 ? s.Metric + " " + s.Label : s.Label, s.Points)).ToList())
            {
                // The axis carries a unit only when every series shares it.
                Unit = units.Count == 1 ? units[0] : null,
            };

            if (WriteAtomically(outFile, chart))
            {
                WriteObject(new FileInfo(outFile));
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
            LibratoMetric metric;
            List<Series> series;
            if (ParameterSetName == SourceSet)
            {
                series = ReadSources(name, out metric);
            }
            else if (ParameterSetName == TagSet || Array.IndexOf(LegacyResolutions, resolution) < 0)
            {
                metric = Await(ct => Client.GetMetricAsync(name, null, Trace, ct)).Metric;
                series = ReadTags(name);
            }
            else
            {
                // A metric holds legacy or tagged data: the legacy read also brings the metric's properties, so it
                // goes first, and the tagged read follows only when the metric has no legacy series.
                series = ReadSources(name, out metric);
                if (series.Count == 0)
                {
                    series = ReadTags(name);
                }
            }

            series = series.Where(s => s.Values.Any(v => v.HasValue)).ToList();
            if (series.Count == 0)
            {
                WriteError(new ErrorRecord(
                    new ItemNotFoundException($"The metric '{metric.Name}' has no measurements{FilterText()} between {EpochTime.ToDateTime(start):u} and {EpochTime.ToDateTime(end):u}."),
                    ErrorIds.NoMeasurements, ErrorCategory.ObjectNotFound, name));
                return;
            }

            var unit = UnitOf(metric);
            if (outFile != null)
            {
                foreach (var s in series)
                {
                    svgSeries.Add((metric.Name, s.Label, unit, s.Values));
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

        private ProgressReporter Progress(string name) =>
            new ProgressReporter(this, ProgressIds.DrawMetric, $"Reading {name} to draw it", "points read");

        private List<Series> ReadSources(string name, out LibratoMetric metric)
        {
            var query = new MetricReadQuery { Resolution = resolution, StartTime = start, EndTime = end };
            if (Source != null && Source.Length == 1)
            {
                query.Source = Source[0];
            }
            else if (Source != null)
            {
                query.Sources = Source;
            }

            LibratoMetric? first = null;
            var points = new List<LibratoMeasurement>();
            var progress = Progress(name);
            while (true)
            {
                var read = Await(ct => Client.GetMetricAsync(name, query, Trace, ct));
                first = first ?? read.Metric;
                points.AddRange(read.Metric.Measurements);
                progress.Report(points.Count);
                if (!read.NextTime.HasValue || read.NextTime == query.StartTime)
                {
                    break;
                }

                query.StartTime = read.NextTime;
            }

            progress.Complete();

            metric = first!;
            return points
                .Where(p => p.Source != null)
                .GroupBy(p => p.Source!, StringComparer.Ordinal)
                .OrderBy(g => g.Key, StringComparer.Ordinal)
                .Select(g =>
                {
                    var ordered = g.OrderBy(p => p.Time).ToList();
                    return new Series(g.Key, ordered, LegacyValues(ordered)) { Source = g.Key };
                })
                .ToList();
        }

        private List<Series> ReadTags(string name)
        {
            var query = new TaggedReadQuery
            {
                Resolution = resolution,
                StartTime = start,
                EndTime = end,
                TagsSearch = TagSearch,
                SummaryFunction = SummaryFunction,
            };
            TagFilters.AddTo(query.Tags, Tag);

            var points = new List<LibratoMeasurement>();
            var progress = Progress(name);
            string? next = null;
            do
            {
                var from = next;
                var answer = Await(ct => Client.ReadMeasurementsAsync(name, query, from, Trace, ct));
                points.AddRange(answer.Points);
                progress.Report(points.Count);
                next = answer.Next;
            }
            while (next != null);

            progress.Complete();

            return points
                .GroupBy(p => TagLabel(p.Tags), StringComparer.Ordinal)
                .Select(g =>
                {
                    var ordered = g.OrderBy(p => p.Time).ToList();
                    var values = ordered.Select(p => new SeriesPoint(EpochTime.FromDateTime(p.Time), p.Value ?? double.NaN)).ToList();
                    return new Series(g.Key, ordered, values) { Tags = ordered[0].Tags };
                })
                .OrderBy(s => s.Label, StringComparer.Ordinal)
                .ToList();
        }

        /// <summary>The values of a legacy series for the summary function asked for; the API sends every statistic.</summary>
        private List<SeriesPoint> LegacyValues(IReadOnlyList<LibratoMeasurement> points)
        {
            var values = new List<SeriesPoint>(points.Count);
            double? previous = null;
            foreach (var p in points)
            {
                var time = EpochTime.FromDateTime(p.Time);
                double? value;
                switch (SummaryFunction)
                {
                    case "sum": value = p.Sum ?? p.Value; break;
                    case "min": value = p.Min ?? p.Value; break;
                    case "max": value = p.Max ?? p.Value; break;
                    case "count": value = p.Count; break;
                    case "stddev": value = StandardDeviation(p); break;
                    case "derivative":
                        // As for tagged reads: each point's value minus the one before; the first point has none.
                        value = previous.HasValue && p.Value.HasValue ? p.Value - previous : null;
                        previous = p.Value ?? previous;
                        if (!value.HasValue)
                        {
                            continue;
                        }

                        break;
                    default: value = p.Value; break;
                }

                values.Add(new SeriesPoint(time, value ?? double.NaN));
            }

            return values;
        }

        /// <summary>The population standard deviation of a legacy point's samples, from its count, sum and sum of squares.</summary>
        private static double? StandardDeviation(LibratoMeasurement p)
        {
            if (!p.Count.HasValue || p.Count.Value == 0 || !p.Sum.HasValue || !p.SumSquares.HasValue)
            {
                return null;
            }

            var mean = p.Sum.Value / p.Count.Value;
            return Math.Sqrt(Math.Max(0, p.SumSquares.Value / p.Count.Value - mean * mean));
        }

        private IEnumerable<MetricPicture> Draw(string metric, string? unit, IReadOnlyList<Series> series)
        {
            var culture = CultureInfo.CurrentCulture;
            var width = LineWidth();
            var glyphs = Glyphs;
            string Text(double value) => ValueText.Format(value, unit, culture);

            var labels = series.Select(s => Shorten(s.Label, MaxLabelWidth, glyphs)).ToList();
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
                    var chart = TextChart.Render(chartColumns, height, glyphs, Text, TimeLabel(chartGrid.Origin), TimeLabel(end));
                    var axisWidth = chart[0].IndexOfAny(new[] { glyphs.Tick, glyphs.Axis }) + 1;
                    if (axisWidth + chartGrid.Columns > width && chartGrid.Columns > MinColumns)
                    {
                        chartGrid = new ColumnGrid(start, end, resolution, Math.Max(MinColumns, width - axisWidth));
                        chartColumns = chartGrid.Bucket(s.Values, bucket);
                        chart = TextChart.Render(chartColumns, height, glyphs, Text, TimeLabel(chartGrid.Origin), TimeLabel(end));
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
            EpochTime.ToDateTime(time).ToString(end - start > 86400 ? "MM-dd HH:mm" : "HH:mm", CultureInfo.InvariantCulture);

        private int LineWidth()
        {
            if (Width.HasValue)
            {
                return Width.Value;
            }

            var rawUi = Host?.UI?.RawUI;
            if (rawUi == null)
            {
                return FallbackWidth;
            }

            try
            {
                var console = rawUi.WindowSize.Width;
                // Writing in the last column wraps in some consoles, so a line stops one short of it.
                return console >= 20 ? console - 1 : FallbackWidth;
            }
            catch (Exception ex) when (ex is NotImplementedException || ex is NotSupportedException || ex is InvalidOperationException || ex is IOException || ex is HostException)
            {
                return FallbackWidth;
            }
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

        private static string TagLabel(IDictionary<string, string>? tags)
        {
            if (tags == null || tags.Count == 0)
            {
                return "*";
            }

            return string.Join(",", tags.OrderBy(t => t.Key, StringComparer.Ordinal).Select(t => t.Key + "=" + t.Value));
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
