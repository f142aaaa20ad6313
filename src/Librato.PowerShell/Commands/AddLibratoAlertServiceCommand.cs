using System.Collections.Generic;
using System.Linq;
using System.Management.Automation;
using Librato.Api;

namespace Librato.PowerShell.Commands
{
    /// <summary>Attaches services to alerts, so that the alerts notify them; services already attached are left as they are.</summary>
    [Cmdlet(VerbsCommon.Add, "LibratoAlertService", HelpUri = HelpLinks.Pages + "Add-LibratoAlertService.md", DefaultParameterSetName = IdSet, SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.Medium)]
    [OutputType(typeof(LibratoAlert))]
    public sealed class AddLibratoAlertServiceCommand : AlertTargetCmdlet
    {
        private List<long>? serviceIds;

        /// <summary>Ids, titles, or objects from Get-LibratoService.</summary>
        [Parameter(Mandatory = true, Position = 1)]
        [ValidateNotNullOrEmpty]
        [ArgumentCompleter(typeof(ServiceTitleCompleter))]
        public object[] Service { get; set; } = new object[0];

        [Parameter]
        public SwitchParameter PassThru { get; set; }

        protected override void ProcessRecord()
        {
            foreach (var alert in TargetAlerts())
            {
                serviceIds = serviceIds ?? ResolveServices(Service);
                var missing = serviceIds.Where(id => alert.Services.All(s => s.Id != id)).ToList();
                if (missing.Count == 0)
                {
                    WriteVerbose($"{Describe(alert)} already notifies every service given.");
                }
                else if (ShouldProcess(Describe(alert), "Add service(s) " + string.Join(", ", missing)))
                {
                    foreach (var id in missing)
                    {
                        TryCall(alert, ErrorIds.AlertNotFound, $"The alert '{alert.Name}' ({alert.Id}) no longer exists.",
                            () => Await(ct => Client.AddAlertServiceAsync(alert.Id, id, Trace, ct)));
                    }
                }
                else
                {
                    continue;
                }

                if (PassThru && ReadAlert(alert.Id) is LibratoAlert updated)
                {
                    WriteObject(updated);
                }
            }
        }
    }
}
