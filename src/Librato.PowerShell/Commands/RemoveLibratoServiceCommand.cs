using System.Management.Automation;
using Librato.Api;

namespace Librato.PowerShell.Commands
{
    /// <summary>Deletes services; the API also takes each one off every alert that notifies it.</summary>
    [Cmdlet(VerbsCommon.Remove, "LibratoService", HelpUri = HelpLinks.Pages + "Remove-LibratoService.md", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.High)]
    [OutputType(typeof(void))]
    public sealed class RemoveLibratoServiceCommand : AlertingCmdlet
    {
        [Parameter(Mandatory = true, Position = 0, ValueFromPipelineByPropertyName = true)]
        [Alias("ServiceId")]
        [ValidateRange(1, long.MaxValue)]
        public long[] Id { get; set; } = new long[0];

        /// <summary>Deletes without asking for confirmation.</summary>
        [Parameter]
        public SwitchParameter Force { get; set; }

        protected override void BeginProcessing() => _ = ActiveSession;

        protected override void ProcessRecord()
        {
            foreach (var id in Id)
            {
                LibratoService? service = null;
                var notFound = $"There is no service with id {id}.";
                if (TryCall(id, ErrorIds.ServiceNotFound, notFound, () => service = Await(ct => Client.GetServiceAsync(id, Trace, ct))) &&
                    Approve(Describe(service!), "Remove service (and detach it from every alert)", Force))
                {
                    TryCall(id, ErrorIds.ServiceNotFound, notFound, () => Await(ct => Client.DeleteServiceAsync(id, Trace, ct)));
                }
            }
        }
    }
}
