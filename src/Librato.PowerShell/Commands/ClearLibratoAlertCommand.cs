using System.Management.Automation;
using Librato.Api;

namespace Librato.PowerShell.Commands
{
    /// <summary>Clears (resolves) firing alerts; an alert that is not firing is left as it is.</summary>
    [Cmdlet(VerbsCommon.Clear, "LibratoAlert", HelpUri = HelpLinks.Pages + "Clear-LibratoAlert.md", DefaultParameterSetName = IdSet, SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.Medium)]
    [OutputType(typeof(void))]
    public sealed class ClearLibratoAlertCommand : AlertTargetCmdlet
    {
        protected override void ProcessRecord()
        {
            foreach (var alert in TargetAlerts())
            {
                if (ShouldProcess(Describe(alert), "Clear"))
                {
                    TryCall(alert, ErrorIds.AlertNotFound, $"The alert '{alert.Name}' ({alert.Id}) no longer exists.",
                        () => Await(ct => Client.ClearAlertAsync(alert.Id, Trace, ct)));
                }
            }
        }
    }
}
