using System.Management.Automation;

namespace Librato.PowerShell.Commands
{
    /// <summary>Deletes charts: chart objects (as Get-LibratoChart writes them), or chart ids or names with -Space.</summary>
    [Cmdlet(VerbsCommon.Remove, "LibratoChart", HelpUri = HelpLinks.Pages + "Remove-LibratoChart.md", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.High)]
    [OutputType(typeof(void))]
    public sealed class RemoveLibratoChartCommand : SpaceCmdlet
    {
        [Parameter(Mandatory = true, Position = 0, ValueFromPipeline = true)]
        [ChartTransformation]
        public ChartIdentity[] Chart { get; set; } = new ChartIdentity[0];

        /// <summary>The space of charts given by id or name.</summary>
        [Parameter]
        [SpaceTransformation]
        [ArgumentCompleter(typeof(SpaceNameCompleter))]
        public SpaceIdentity? Space { get; set; }

        /// <summary>Deletes without asking for confirmation.</summary>
        [Parameter]
        public SwitchParameter Force { get; set; }

        protected override void BeginProcessing() => _ = ActiveSession;

        protected override void ProcessRecord()
        {
            foreach (var identity in Chart)
            {
                var chart = FindChart(identity, Space);
                if (chart != null && Approve("chart " + Describe(chart), "Remove chart", Force))
                {
                    ForChart(chart, () => Await(ct => Client.DeleteChartAsync(chart.SpaceId, chart.Id, Trace, ct)));
                }
            }
        }
    }
}
