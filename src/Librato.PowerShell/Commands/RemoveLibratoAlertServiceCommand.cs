using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Management.Automation;
using Librato.Api;

namespace Librato.PowerShell.Commands
{
    /// <summary>Detaches services from alerts, so that the alerts stop notifying them. The services themselves are kept.</summary>
    [Cmdlet(VerbsCommon.Remove, "LibratoAlertService", HelpUri = HelpLinks.Pages + "Remove-LibratoAlertService.md", DefaultParameterSetName = IdSet, SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.High)]
    [OutputType(typeof(LibratoAlert))]
    public sealed class RemoveLibratoAlertServiceCommand : AlertTargetCmdlet
    {
        private List<long>? serviceIds;

        /// <summary>Ids, titles, or objects from Get-LibratoService.</summary>
        [Parameter(Mandatory = true, Position = 1)]
        [ValidateNotNullOrEmpty]
        [ArgumentCompleter(typeof(ServiceTitleCompleter))]
        public object[] Service { get; set; } = new object[0];

        /// <summary>Detaches without asking for confirmation.</summary>
        [Parameter]
        public SwitchParameter Force { get; set; }

        [Parameter]
        public SwitchParameter PassThru { get; set; }

        protected override void ProcessRecord()
        {
            foreach (var alert in TargetAlerts())
            {
                serviceIds = serviceIds ?? ResolveServices(Service);
                var changed = false;
                foreach (var id in serviceIds)
                {
                    var attached = alert.Services.FirstOrDefault(s => s.Id == id);
                    if (attached == null)
                    {
                        WriteError(new ErrorRecord(
                            new ItemNotFoundException(string.Format(CultureInfo.InvariantCulture, "Service {0} is not attached to {1}.", id, Describe(alert))),
                            ErrorIds.ServiceNotAttached,
                            ErrorCategory.ObjectNotFound,
                            id));
                        continue;
                    }

                    if (Approve(Describe(alert), $"Remove {Describe(attached)} from the alert", Force))
                    {
                        changed |= TryCall(alert, ErrorIds.ServiceNotAttached, $"{Describe(attached)} is no longer attached to {Describe(alert)}.",
                            () => Await(ct => Client.RemoveAlertServiceAsync(alert.Id, id, Trace, ct)));
                    }
                }

                if (PassThru && changed && ReadAlert(alert.Id) is LibratoAlert updated)
                {
                    WriteObject(updated);
                }
            }
        }
    }
}
