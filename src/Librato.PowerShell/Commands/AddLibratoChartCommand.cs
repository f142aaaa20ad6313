using System.Collections;
using System.Collections.Generic;
using System.Linq;
using System.Management.Automation;
using Librato.Api;

namespace Librato.PowerShell.Commands
{
    /// <summary>
    /// Adds a chart to a space: line (the default), stacked or big number, with streams and every chart field; or,
    /// as the original client's shortcuts, a chart of one metric with its source or tags and group and summary
    /// functions.
    /// </summary>
    [Cmdlet(VerbsCommon.Add, "LibratoChart", HelpUri = HelpLinks.Pages + "Add-LibratoChart.md", DefaultParameterSetName = StreamsSet, SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.Low)]
    [OutputType(typeof(LibratoChart))]
    public sealed class AddLibratoChartCommand : SpaceCmdlet
    {
        public const string StreamsSet = "Streams";
        public const string MetricSet = "Metric";

        [Parameter(Mandatory = true, Position = 0)]
        [ValidateNotNullOrEmpty]
        [ValidateLength(1, 255)]
        public string Name { get; set; } = string.Empty;

        /// <summary>A space object, id or exact name (case ignored; it must name one space).</summary>
        [Parameter(Mandatory = true, ValueFromPipeline = true)]
        [SpaceTransformation]
        [ArgumentCompleter(typeof(SpaceNameCompleter))]
        public SpaceIdentity? Space { get; set; }

        [Parameter]
        [ValidateSet(LibratoChart.Line, LibratoChart.Stacked, LibratoChart.BigNumber, IgnoreCase = true)]
        public string Type { get; set; } = LibratoChart.Line;

        /// <summary>Streams from New-LibratoChartStream, or hashtables such as @{ metric = 'cpu'; source = '*' }.</summary>
        [Parameter(ParameterSetName = StreamsSet)]
        [ChartStreamTransformation]
        [AllowEmptyCollection]
        [Alias("Streams")]
        public LibratoChartStream[]? Stream { get; set; }

        [Parameter(Mandatory = true, Position = 1, ParameterSetName = MetricSet)]
        [ValidateNotNullOrEmpty]
        [ArgumentCompleter(typeof(MetricNameCompleter))]
        public string? Metric { get; set; }

        /// <summary>The metric's source or pattern; <c>*</c> when neither this nor -Tag is given.</summary>
        [Parameter(Position = 2, ParameterSetName = MetricSet)]
        [ValidateNotNullOrEmpty]
        [ArgumentCompleter(typeof(SourceNameCompleter))]
        public string? Source { get; set; }

        [Parameter(ParameterSetName = MetricSet)]
        [ValidateNotNull]
        [TagTable]
        [ArgumentCompleter(typeof(TagCompleter))]
        public IDictionary? Tag { get; set; }

        [Parameter(ParameterSetName = MetricSet)]
        [ValidateSet("average", "sum", "min", "max", "breakout", IgnoreCase = true)]
        public string? GroupFunction { get; set; }

        [Parameter(ParameterSetName = MetricSet)]
        [ValidateSet("average", "sum", "min", "max", "count", IgnoreCase = true)]
        public string? SummaryFunction { get; set; }

        [Parameter]
        public double? Min { get; set; }

        [Parameter]
        public double? Max { get; set; }

        /// <summary>The Y axis label.</summary>
        [Parameter]
        [ValidateNotNullOrEmpty]
        public string? Label { get; set; }

        [Parameter]
        public SwitchParameter UseLogYAxis { get; set; }

        /// <summary>A space the chart links to: a space object, id or exact name.</summary>
        [Parameter]
        [SpaceTransformation]
        [ArgumentCompleter(typeof(SpaceNameCompleter))]
        public SpaceIdentity? RelatedSpace { get; set; }

        /// <summary>Big numbers show the last value rather than a summary of the period.</summary>
        [Parameter]
        public SwitchParameter UseLastValue { get; set; }

        /// <summary>Big-number thresholds such as @{ operator = '>'; value = 90; type = 'red' }.</summary>
        [Parameter]
        [ValidateNotNull]
        [AllowEmptyCollection]
        public LibratoChartThreshold[]? Threshold { get; set; }

        protected override void BeginProcessing() => _ = ActiveSession;

        protected override void ProcessRecord()
        {
            var space = FindSpace(Space!);
            if (space == null)
            {
                return;
            }

            long? related = null;
            if (RelatedSpace != null)
            {
                var relatedSpace = FindSpace(RelatedSpace);
                if (relatedSpace == null)
                {
                    return;
                }

                related = relatedSpace.Id;
            }

            var chart = new LibratoChart
            {
                Name = Name,
                Type = Type.ToLowerInvariant(),
                Streams = ParameterSetName == MetricSet ? new List<LibratoChartStream> { SingleStream() } : (Stream ?? new LibratoChartStream[0]).Select(s => s.CopyUnsaved()).ToList(),
                Min = Min,
                Max = Max,
                Label = Label,
                RelatedSpace = related,
                Thresholds = Threshold?.ToList(),
                UseLogYAxis = ChartStreamBuilder.Flag(this, nameof(UseLogYAxis), UseLogYAxis),
                UseLastValue = ChartStreamBuilder.Flag(this, nameof(UseLastValue), UseLastValue),
            };

            // The original's big-number shortcut shows the last value unless told otherwise.
            if (ParameterSetName == MetricSet && chart.Type == LibratoChart.BigNumber && !chart.UseLastValue.HasValue)
            {
                chart.UseLastValue = true;
            }

            if (ShouldProcess("space " + Describe(space), $"Add {chart.Type} chart '{Name}' with {chart.Streams.Count} stream(s)"))
            {
                ForSpace(space, () => WriteObject(Await(ct => Client.CreateChartAsync(space.Id, chart, Trace, ct))));
            }
        }

        /// <summary>
        /// The shortcut's one stream. A big-number chart gets average group and summary functions unless others are
        /// given, as the original's shortcut has it.
        /// </summary>
        private LibratoChartStream SingleStream()
        {
            var bigNumber = string.Equals(Type, LibratoChart.BigNumber, System.StringComparison.OrdinalIgnoreCase);
            return new ChartStreamBuilder
            {
                Metric = Metric,
                Source = Source,
                Tag = Tag,
                GroupFunction = GroupFunction ?? (bigNumber ? "average" : null),
                SummaryFunction = SummaryFunction ?? (bigNumber ? "average" : null),
            }.Build();
        }
    }
}
