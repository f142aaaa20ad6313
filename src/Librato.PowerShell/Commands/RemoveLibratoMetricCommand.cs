using System;
using System.Collections.Generic;
using System.Management.Automation;
using Librato.Api;

namespace Librato.PowerShell.Commands
{
    /// <summary>Deletes metrics and all their data: by name (one or many, from the pipeline too) or by pattern with exclusions.</summary>
    [Cmdlet(VerbsCommon.Remove, "LibratoMetric", DefaultParameterSetName = NameSet, SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.High)]
    [OutputType(typeof(void))]
    public sealed class RemoveLibratoMetricCommand : LibratoCmdlet
    {
        public const string NameSet = "Name";
        public const string PatternSet = "Pattern";

        private readonly List<string> names = new List<string>();

        [Parameter(Mandatory = true, Position = 0, ValueFromPipeline = true, ValueFromPipelineByPropertyName = true, ParameterSetName = NameSet)]
        [ValidateNotNullOrEmpty]
        [ArgumentCompleter(typeof(MetricNameCompleter))]
        public string[] Name { get; set; } = new string[0];

        /// <summary>One <c>*</c> pattern; the server deletes every metric it matches.</summary>
        [Parameter(Mandatory = true, ParameterSetName = PatternSet)]
        [ValidateNotNullOrEmpty]
        public string? Pattern { get; set; }

        [Parameter(ParameterSetName = PatternSet)]
        [ValidateNotNull]
        public string[] Exclude { get; set; } = new string[0];

        /// <summary>Deletes without asking for confirmation.</summary>
        [Parameter]
        public SwitchParameter Force { get; set; }

        protected override void BeginProcessing() => _ = ActiveSession;

        protected override void ProcessRecord()
        {
            foreach (var name in Name)
            {
                var metric = ActiveSession.MetricName(name);
                if (Approve(metric, "Remove metric and all its data", Force))
                {
                    names.Add(metric);
                }
            }
        }

        protected override void EndProcessing()
        {
            if (ParameterSetName == PatternSet)
            {
                var target = $"every metric matching '{Pattern}'" + (Exclude.Length > 0 ? " except " + string.Join(", ", Exclude) : string.Empty);
                if (Approve(target, "Remove metrics and all their data", Force))
                {
                    ForMetric(Pattern!, () => Await(ct => Client.DeleteMetricsAsync(MetricSelection.ByPattern(Pattern!, Exclude), Trace, ct)));
                }

                return;
            }

            if (names.Count == 1)
            {
                ForMetric(names[0], () => Await(ct => Client.DeleteMetricAsync(names[0], Trace, ct)));
            }
            else if (names.Count > 1)
            {
                ForMetric(names.ToArray(), () => Await(ct => Client.DeleteMetricsAsync(MetricSelection.ByNames(names), Trace, ct)));
            }
        }
    }
}
