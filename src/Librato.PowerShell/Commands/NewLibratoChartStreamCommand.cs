using System.Collections;
using System.Management.Automation;
using Librato.Api;

namespace Librato.PowerShell.Commands
{
    /// <summary>
    /// Builds a chart stream with any of the documented fields, for Add-LibratoChart -Stream, Set-LibratoChart -Stream
    /// and Add-LibratoChartStream -Stream. Makes no request.
    /// </summary>
    [Cmdlet(VerbsCommon.New, "LibratoChartStream", HelpUri = HelpLinks.Pages + "New-LibratoChartStream.md", DefaultParameterSetName = MetricSet)]
    [OutputType(typeof(LibratoChartStream))]
    public sealed class NewLibratoChartStreamCommand : PSCmdlet
    {
        public const string MetricSet = "Metric";
        public const string CompositeSet = "Composite";

        [Parameter(Mandatory = true, Position = 0, ParameterSetName = MetricSet)]
        [ValidateNotNullOrEmpty]
        [ArgumentCompleter(typeof(MetricNameCompleter))]
        public string? Metric { get; set; }

        /// <summary>A source, <c>*</c> (the default when no tags are given), a wildcard pattern, or <c>%</c> (dynamic).</summary>
        [Parameter(Position = 1, ParameterSetName = MetricSet)]
        [ValidateNotNullOrEmpty]
        [ArgumentCompleter(typeof(SourceNameCompleter))]
        public string? Source { get; set; }

        /// <summary>Tag filters: tag name to value or values, e.g. @{ environment = 'prod'; region = 'us-*', 'eu-*' }.</summary>
        [Parameter(ParameterSetName = MetricSet)]
        [ValidateNotNull]
        [TagTable]
        [ArgumentCompleter(typeof(TagCompleter))]
        public IDictionary? Tag { get; set; }

        /// <summary>Tags whose matching series are combined into one line.</summary>
        [Parameter(ParameterSetName = MetricSet)]
        [ValidateNotNullOrEmpty]
        [ArgumentCompleter(typeof(TagNameCompleter))]
        public string[]? GroupedTag { get; set; }

        /// <summary>Tags whose value the space's tag selector chooses.</summary>
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

        [Parameter]
        [ValidateSet("average", "sum", "min", "max", "count", IgnoreCase = true)]
        public string? SummaryFunction { get; set; }

        /// <summary>The stream's name in the chart legend.</summary>
        [Parameter]
        [ValidateNotNullOrEmpty]
        public string? Name { get; set; }

        [Parameter]
        [ValidatePattern("^#[0-9A-Fa-f]{6}$")]
        public string? Color { get; set; }

        [Parameter]
        [ValidateNotNullOrEmpty]
        public string? UnitsShort { get; set; }

        [Parameter]
        [ValidateNotNullOrEmpty]
        public string? UnitsLong { get; set; }

        [Parameter]
        public double? Min { get; set; }

        [Parameter]
        public double? Max { get; set; }

        [Parameter]
        [ValidateRange(1, int.MaxValue)]
        public int? Period { get; set; }

        [Parameter]
        [ValidateNotNullOrEmpty]
        public string? TransformFunction { get; set; }

        [Parameter]
        public SwitchParameter SplitAxis { get; set; }

        [Parameter]
        public SwitchParameter GapDetection { get; set; }

        [Parameter]
        [ValidateRange(0, int.MaxValue)]
        public int? Position { get; set; }

        protected override void EndProcessing() => WriteObject(ChartStreamBuilder.FromParameters(this).Build());
    }
}
