using System.Management.Automation;
using Librato.Api;

namespace Librato.PowerShell.Commands
{
    /// <summary>Disables alerts (sets them inactive) so that they do not fire, keeping everything else about them.</summary>
    [Cmdlet(VerbsLifecycle.Disable, "LibratoAlert", HelpUri = HelpLinks.Pages + "Disable-LibratoAlert.md", DefaultParameterSetName = IdSet, SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.Medium)]
    [OutputType(typeof(LibratoAlert))]
    public sealed class DisableLibratoAlertCommand : AlertTargetCmdlet
    {
        [Parameter]
        public SwitchParameter PassThru { get; set; }

        protected override void ProcessRecord() => AlertActivation.Apply(this, false, PassThru);
    }
}
