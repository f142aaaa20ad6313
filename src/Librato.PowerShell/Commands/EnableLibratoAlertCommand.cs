using System.Management.Automation;
using Librato.Api;

namespace Librato.PowerShell.Commands
{
    /// <summary>Enables alerts (sets them active), keeping everything else about them.</summary>
    [Cmdlet(VerbsLifecycle.Enable, "LibratoAlert", HelpUri = HelpLinks.Pages + "Enable-LibratoAlert.md", DefaultParameterSetName = IdSet, SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.Medium)]
    [OutputType(typeof(LibratoAlert))]
    public sealed class EnableLibratoAlertCommand : AlertTargetCmdlet
    {
        [Parameter]
        public SwitchParameter PassThru { get; set; }

        protected override void ProcessRecord() => AlertActivation.Apply(this, true, PassThru);
    }
}
