using System.Management.Automation;
using Librato.Api;

namespace Librato.PowerShell.Commands
{
    /// <summary>Deletes alerts, by id (objects from Get-LibratoAlert bind by their Id) or by name or pattern.</summary>
    [Cmdlet(VerbsCommon.Remove, "LibratoAlert", HelpUri = HelpLinks.Pages + "Remove-LibratoAlert.md", DefaultParameterSetName = IdSet, SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.High)]
    [OutputType(typeof(void))]
    public sealed class RemoveLibratoAlertCommand : AlertTargetCmdlet
    {
        /// <summary>Deletes without asking for confirmation.</summary>
        [Parameter]
        public SwitchParameter Force { get; set; }

        protected override void ProcessRecord()
        {
            foreach (var alert in TargetAlerts())
            {
                if (Approve(Describe(alert), "Remove alert", Force))
                {
                    if (TryCall(alert, ErrorIds.AlertNotFound, $"The alert '{alert.Name}' ({alert.Id}) no longer exists.",
                        () => Await(ct => Client.DeleteAlertAsync(alert.Id, Trace, ct))))
                    {
                        WriteVerbose($"Removed {Describe(alert)}.");
                    }
                }
            }
        }
    }
}
