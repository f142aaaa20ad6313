using System;
using System.Collections;
using System.Management.Automation;
using Librato.Api;

namespace Librato.PowerShell.Commands
{
    /// <summary>
    /// Creates an alert condition object for New-LibratoAlert and Set-LibratoAlert: a metric above or below a
    /// threshold, or absent (not reporting) for a duration. Nothing is sent; the API's rules are checked here.
    /// </summary>
    [Cmdlet(VerbsCommon.New, "LibratoAlertCondition", HelpUri = HelpLinks.Pages + "New-LibratoAlertCondition.md", DefaultParameterSetName = AboveSet)]
    [OutputType(typeof(AlertCondition))]
    public sealed class NewLibratoAlertConditionCommand : PSCmdlet
    {
        public const string AboveSet = "Above";
        public const string BelowSet = "Below";
        public const string AbsentSet = "Absent";

        [Parameter(Mandatory = true, Position = 0, ValueFromPipelineByPropertyName = true)]
        [ValidateNotNullOrEmpty]
        [Alias("Metric", "Name")]
        [ArgumentCompleter(typeof(MetricNameCompleter))]
        public string MetricName { get; set; } = string.Empty;

        /// <summary>Fires when the metric's value goes above this threshold.</summary>
        [Parameter(Mandatory = true, ParameterSetName = AboveSet)]
        public double Above { get; set; }

        /// <summary>Fires when the metric's value goes below this threshold.</summary>
        [Parameter(Mandatory = true, ParameterSetName = BelowSet)]
        public double Below { get; set; }

        /// <summary>Fires when the metric stops reporting for -Duration.</summary>
        [Parameter(Mandatory = true, ParameterSetName = AbsentSet)]
        public SwitchParameter Absent { get; set; }

        /// <summary>How each point is reduced to the value compared with the threshold; the API's default is average.</summary>
        [Parameter(ParameterSetName = AboveSet)]
        [Parameter(ParameterSetName = BelowSet)]
        [ArgumentCompleter(typeof(SummaryFunctionCompleter))]
        public string? SummaryFunction { get; set; }

        /// <summary>How long the condition must hold (60 to 3600 seconds; a number is seconds). Required with -Absent.</summary>
        [Parameter]
        [Seconds]
        public TimeSpan? Duration { get; set; }

        /// <summary>A legacy source name or <c>*</c> pattern; every source when omitted.</summary>
        [Parameter]
        [ValidateNotNullOrEmpty]
        [ArgumentCompleter(typeof(SourceNameCompleter))]
        public string? Source { get; set; }

        /// <summary>Tag filters: tag name to one value or several, with <c>*</c> wildcards.</summary>
        [Parameter]
        [ValidateNotNull]
        [TagTable]
        [ArgumentCompleter(typeof(TagCompleter))]
        public IDictionary? Tag { get; set; }

        /// <summary>Tags (from -Tag) whose matching series are combined and judged as one.</summary>
        [Parameter]
        [ValidateNotNullOrEmpty]
        [ArgumentCompleter(typeof(TagNameCompleter))]
        public string[]? GroupedTag { get; set; }

        /// <summary>With the derivative summary function: whether a drop counts as a counter reset.</summary>
        [Parameter(ParameterSetName = AboveSet)]
        [Parameter(ParameterSetName = BelowSet)]
        public bool? DetectReset { get; set; }

        protected override void ProcessRecord()
        {
            var type = ParameterSetName == AbsentSet ? AlertCondition.Absent : ParameterSetName == BelowSet ? AlertCondition.Below : AlertCondition.Above;
            double? threshold = ParameterSetName == AboveSet ? Above : ParameterSetName == BelowSet ? Below : (double?)null;
            var condition = ConditionBuilder.Build(MetricName, type, threshold, SummaryFunction, Duration, Source, Tag, GroupedTag, DetectReset, out var error);
            if (error != null)
            {
                ThrowTerminatingError(AlertingCmdlet.ValidationRecord(error, condition));
            }

            WriteObject(condition);
        }
    }
}
