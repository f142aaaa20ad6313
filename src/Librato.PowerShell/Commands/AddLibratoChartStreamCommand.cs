using System.Collections;
using System.Collections.Generic;
using System.Linq;
using System.Management.Automation;
using Librato.Api;

namespace Librato.PowerShell.Commands
{
    /// <summary>
    /// Adds streams to charts: a metric with a source or tags, a composite expression, or streams made with
    /// New-LibratoChartStream. The chart's other streams keep their ids.
    /// </summary>
    [Cmdlet(VerbsCommon.Add, "LibratoChartStream", HelpUri = HelpLinks.Pages + "Add-LibratoChartStream.md", DefaultParameterSetName = MetricSet, SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.Medium)]
    [OutputType(typeof(LibratoChart))]
    public sealed class AddLibratoChartStreamCommand : SpaceCmdlet
    {
        public const string MetricSet = "Metric";
        public const string CompositeSet = "Composite";
        public const string StreamSet = "Stream";

        /// <summary>A chart object (as Get-LibratoChart writes it), or a chart id or name with -Space.</summary>
        [Parameter(Mandatory = true, ValueFromPipeline = true)]
        [ChartTransformation]
        public ChartIdentity? Chart { get; set; }

        /// <summary>The space of a chart given by id or name.</summary>
        [Parameter]
        [SpaceTransformation]
        [ArgumentCompleter(typeof(SpaceNameCompleter))]
        public SpaceIdentity? Space { get; set; }

        [Parameter(Mandatory = true, Position = 0, ParameterSetName = MetricSet)]
        [ValidateNotNullOrEmpty]
        [ArgumentCompleter(typeof(MetricNameCompleter))]
        public string? Metric { get; set; }

        [Parameter(Position = 1, ParameterSetName = MetricSet)]
        [ValidateNotNullOrEmpty]
        [ArgumentCompleter(typeof(SourceNameCompleter))]
        public string? Source { get; set; }

        [Parameter(ParameterSetName = MetricSet)]
        [ValidateNotNull]
        [TagTable]
        [ArgumentCompleter(typeof(TagCompleter))]
        public IDictionary? Tag { get; set; }

        [Parameter(ParameterSetName = MetricSet)]
        [ValidateNotNullOrEmpty]
        [ArgumentCompleter(typeof(TagNameCompleter))]
        public string[]? GroupedTag { get; set; }

        [Parameter(ParameterSetName = MetricSet)]
        [ValidateNotNullOrEmpty]
        [ArgumentCompleter(typeof(TagNameCompleter))]
        public string[]? DynamicTag { get; set; }

        [Parameter(ParameterSetName = MetricSet)]
        [ValidateSet("average", "sum", "min", "max", "breakout", IgnoreCase = true)]
        public string? GroupFunction { get; set; }

        [Parameter(Mandatory = true, ParameterSetName = CompositeSet)]
        [ValidateNotNullOrEmpty]
        public string? Composite { get; set; }

        [Parameter(ParameterSetName = CompositeSet)]
        [ValidateSet("average", "sum", "min", "max", "count", IgnoreCase = true)]
        public string? DownsampleFunction { get; set; }

        /// <summary>Streams from New-LibratoChartStream, or hashtables with stream fields.</summary>
        [Parameter(Mandatory = true, ParameterSetName = StreamSet)]
        [ChartStreamTransformation]
        [ValidateNotNullOrEmpty]
        public LibratoChartStream[]? Stream { get; set; }

        [Parameter(ParameterSetName = MetricSet)]
        [Parameter(ParameterSetName = CompositeSet)]
        [ValidateSet("average", "sum", "min", "max", "count", IgnoreCase = true)]
        public string? SummaryFunction { get; set; }

        [Parameter(ParameterSetName = MetricSet)]
        [Parameter(ParameterSetName = CompositeSet)]
        [ValidateNotNullOrEmpty]
        public string? Name { get; set; }

        [Parameter(ParameterSetName = MetricSet)]
        [Parameter(ParameterSetName = CompositeSet)]
        [ValidatePattern("^#[0-9A-Fa-f]{6}$")]
        public string? Color { get; set; }

        [Parameter(ParameterSetName = MetricSet)]
        [Parameter(ParameterSetName = CompositeSet)]
        [ValidateNotNullOrEmpty]
        public string? UnitsShort { get; set; }

        [Parameter(ParameterSetName = MetricSet)]
        [Parameter(ParameterSetName = CompositeSet)]
        [ValidateNotNullOrEmpty]
        public string? UnitsLong { get; set; }

        [Parameter(ParameterSetName = MetricSet)]
        [Parameter(ParameterSetName = CompositeSet)]
        public double? Min { get; set; }

        [Parameter(ParameterSetName = MetricSet)]
        [Parameter(ParameterSetName = CompositeSet)]
        public double? Max { get; set; }

        [Parameter(ParameterSetName = MetricSet)]
        [Parameter(ParameterSetName = CompositeSet)]
        [ValidateRange(1, int.MaxValue)]
        public int? Period { get; set; }

        [Parameter(ParameterSetName = MetricSet)]
        [Parameter(ParameterSetName = CompositeSet)]
        [ValidateNotNullOrEmpty]
        public string? TransformFunction { get; set; }

        [Parameter(ParameterSetName = MetricSet)]
        [Parameter(ParameterSetName = CompositeSet)]
        public SwitchParameter SplitAxis { get; set; }

        [Parameter(ParameterSetName = MetricSet)]
        [Parameter(ParameterSetName = CompositeSet)]
        public SwitchParameter GapDetection { get; set; }

        [Parameter(ParameterSetName = MetricSet)]
        [Parameter(ParameterSetName = CompositeSet)]
        [ValidateRange(0, int.MaxValue)]
        public int? Position { get; set; }

        /// <summary>Writes the updated chart.</summary>
        [Parameter]
        public SwitchParameter PassThru { get; set; }

        protected override void BeginProcessing() => _ = ActiveSession;

        protected override void ProcessRecord()
        {
            var given = FindChart(Chart!, Space);
            if (given == null)
            {
                return;
            }

            var added = ParameterSetName == StreamSet ? Stream!.Select(s => s.CopyUnsaved()).ToList() : new List<LibratoChartStream> { Build() };
            var what = string.Join(", ", added.Select(s => "'" + s + "'"));
            if (!ShouldProcess("chart " + Describe(given), $"Add stream(s) {what}"))
            {
                return;
            }

            ForChart(given, () =>
            {
                // The chart is read again so that streams added since it was read are kept.
                var current = Await(ct => Client.GetChartAsync(given.SpaceId, given.Id, Trace, ct));
                var streams = new List<LibratoChartStream>(current.Streams);
                streams.AddRange(added);
                var update = new ChartUpdate { Streams = streams, KeepStreamIds = true };
                var updated = Await(ct => Client.UpdateChartAsync(given.SpaceId, given.Id, update, Trace, ct));
                if (PassThru)
                {
                    WriteObject(updated);
                }
            });
        }

        private LibratoChartStream Build() => ChartStreamBuilder.FromParameters(this).Build();
    }
}
