using System.Management.Automation;
using Librato.Api;

namespace Librato.PowerShell
{
    /// <summary>
    /// The base of cmdlets that act on several metrics at once: names (typed or piped, e.g. from Get-LibratoMetric)
    /// or one server-side <c>*</c> pattern with exclusions.
    /// </summary>
    public abstract class MetricSelectionCmdlet : LibratoCmdlet
    {
        public const string NameSet = "Name";
        public const string PatternSet = "Pattern";

        [Parameter(Mandatory = true, Position = 0, ValueFromPipeline = true, ValueFromPipelineByPropertyName = true, ParameterSetName = NameSet)]
        [ValidateNotNullOrEmpty]
        [ArgumentCompleter(typeof(MetricNameCompleter))]
        public string[] Name { get; set; } = new string[0];

        /// <summary>One <c>*</c> pattern the server matches against every metric name.</summary>
        [Parameter(Mandatory = true, ParameterSetName = PatternSet)]
        [ValidateNotNullOrEmpty]
        public string? Pattern { get; set; }

        /// <summary>Names (or patterns) the -Pattern must leave out.</summary>
        [Parameter(ParameterSetName = PatternSet)]
        [ValidateNotNull]
        public string[] Exclude { get; set; } = new string[0];

        internal MetricSelection PatternSelection => MetricSelection.ByPattern(Pattern!, Exclude);

        /// <summary>How the pattern selection reads in confirmation messages.</summary>
        internal string PatternTarget =>
            $"every metric matching '{Pattern}'" + (Exclude.Length > 0 ? " except " + string.Join(", ", Exclude) : string.Empty);

        protected override void BeginProcessing() => _ = ActiveSession;
    }
}
