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
    [Cmdlet(VerbsCommon.Show, "LibratoMetric", HelpUri = HelpLinks.Pages + "Show-LibratoMetric.md", DefaultParameterSetName = AnySet, SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.Low)]
    [OutputType(typeof(MetricPicture), typeof(FileInfo))]
    public sealed class ShowLibratoMetricCommand : PointReadCmdlet
    {
        public const string AnySet = "Any";
        public const string TagSet = "Tags";
        public const string SourceSet = "Sources";



        /// <summary>The most points per series the automatic resolution reads.</summary>
        internal const int MaxAutomaticPoints = 720;

        private const int FallbackWidth = 80;

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
        [ArgumentCompleter(typeof(SourceNameCompleter))]
        public string[]? Source { get; set; }

        /// <summary>Tag filters: tag name to a pattern or an array of patterns; reads the metric's tagged series only.</summary>
        [Parameter(ParameterSetName = TagSet)]
        [ValidateNotNull]
        [TagTable]
        [ArgumentCompleter(typeof(TagCompleter))]
        public Hashtable? Tag { get; set; }

        /// <summary>A tag search expression, e.g. <c>region=us-east* and db=*prod*</c>; reads tagged series only.</summary>
        [Parameter(ParameterSetName = TagSet)]
        [ValidateNotNullOrEmpty]
        [ArgumentCompleter(typeof(TagCompleter))]
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
            // Those that series by source offer, so a picture can draw either kind.
            foreach (var candidate in PointQuery.SourceResolutions)
            {
                if (seconds / candidate <= MaxAutomaticPoints)
                {
                    return candidate;
                }
            }

            return PointQuery.SourceResolutions[PointQuery.SourceResolutions.Count - 1];
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
            // A counter is drawn as its change from point to point, unless a summary function says otherwise.
            var series = PictureSeries.From(points, SummaryFunction == null && string.Equals(metric.Type, "counter", StringComparison.OrdinalIgnoreCase));
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
                var names = PictureSeries.Names(series);
                for (var i = 0; i < series.Count; i++)
                {
                    svgSeries.Add((metric.Name, names[i], unit, series[i].Values));
                }
            }

            if (Drawn)
            {
                var pictures = new ConsolePictures(start, end, resolution, LineWidth())
                {
                    Charted = Charted,
                    Height = Height ?? ConsolePictures.DefaultChartHeight,
                    IndependentScale = IndependentScale,
                    Glyphs = Glyphs,
                    SummaryFunction = SummaryFunction,
                };
                foreach (var picture in pictures.Draw(metric.Name, unit, series))
                {
                    WriteObject(picture);
                }
            }
        }

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
    }
}
