using System;
using System.Collections.Generic;
using System.Management.Automation;
using Librato.Api;

namespace Librato.PowerShell.Commands
{
    /// <summary>Deletes metrics and all their data: by name (one or many, from the pipeline too) or by pattern with exclusions.</summary>
    [Cmdlet(VerbsCommon.Remove, "LibratoMetric", HelpUri = HelpLinks.Pages + "Remove-LibratoMetric.md", DefaultParameterSetName = NameSet, SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.High)]
    [OutputType(typeof(void))]
    public sealed class RemoveLibratoMetricCommand : MetricSelectionCmdlet
    {
        private readonly List<string> names = new List<string>();

        /// <summary>Deletes without asking for confirmation.</summary>
        [Parameter]
        public SwitchParameter Force { get; set; }

        protected override void ProcessRecord()
        {
            foreach (var name in Name)
            {
                if (RefuseWildcardName(name, "remove"))
                {
                    continue;
                }

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
                var selected = ApprovePattern("Remove metrics and all their data", "remove", Force);
                if (selected != null)
                {
                    ForMetric(Pattern!, () => Await(ct => Client.DeleteMetricsAsync(PatternSelection, Trace, ct)));
                    WriteVerbose(selected.Count > 0 ? "Removed " + Describe(selected) + "." : $"Removed every metric matching '{Pattern}'.");
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

            if (names.Count > 0)
            {
                WriteVerbose($"Asked the API to remove {names.Count} metric(s): {Listed(names)}.");
            }
        }
    }
}
