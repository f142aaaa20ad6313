using System.Collections.Generic;
using System.Linq;
using System.Management.Automation;
using Librato.Api;

namespace Librato.PowerShell.Commands
{
    /// <summary>
    /// Without a target: every firing alert (and with -IncludeCleared the recently cleared ones). With -Id or -Name:
    /// the status of each of those alerts, triggered or ok.
    /// </summary>
    [Cmdlet(VerbsCommon.Get, "LibratoAlertStatus", HelpUri = HelpLinks.Pages + "Get-LibratoAlertStatus.md", DefaultParameterSetName = AllSet)]
    [OutputType(typeof(LibratoAlertStatus))]
    public sealed class GetLibratoAlertStatusCommand : AlertTargetCmdlet
    {
        public const string AllSet = "All";

        /// <summary>Also lists alerts that stopped firing recently.</summary>
        [Parameter(ParameterSetName = AllSet)]
        public SwitchParameter IncludeCleared { get; set; }

        protected override void ProcessRecord()
        {
            if (ParameterSetName != AllSet)
            {
                foreach (var alert in TargetAlerts())
                {
                    TryCall(alert, ErrorIds.AlertNotFound, $"The alert '{alert.Name}' ({alert.Id}) no longer exists.", () =>
                    {
                        var status = Await(ct => Client.GetAlertStatusAsync(alert.Id, Trace, ct));
                        status.Name = alert.Name;
                        WriteObject(status);
                    });
                }

                return;
            }

            IReadOnlyList<LibratoAlertStatus> statuses;
            Dictionary<long, string> names;
            try
            {
                statuses = Await(ct => Client.GetAlertStatusesAsync(Trace, ct))
                    .Where(s => IncludeCleared || s.IsFiring)
                    .ToList();
                names = statuses.Count == 0
                    ? new Dictionary<long, string>()
                    : EveryPage((offset, ct) => Client.ListAlertsAsync(null, offset, LibratoClient.MaxPageLength, Trace, ct))
                        .GroupBy(a => a.Id)
                        .ToDictionary(g => g.Key, g => g.First().Name);
            }
            catch (LibratoApiException ex)
            {
                ThrowTerminatingError(ApiErrors.ToRecord(ex, null));
                return;
            }

            foreach (var status in statuses)
            {
                status.Name = names.TryGetValue(status.AlertId, out var name) ? name : null;
                WriteObject(status);
            }
        }
    }
}
