using Librato.Api;

namespace Librato.PowerShell
{
    /// <summary>Enable-LibratoAlert and Disable-LibratoAlert: the whole alert written back with only active changed.</summary>
    internal static class AlertActivation
    {
        public static void Apply(AlertTargetCmdlet cmdlet, bool active, bool passThru)
        {
            var verb = active ? "Enable" : "Disable";
            foreach (var alert in cmdlet.TargetAlerts())
            {
                if (!cmdlet.ShouldProcess(AlertingCmdlet.Describe(alert), verb))
                {
                    continue;
                }

                var written = true;
                if (alert.Active == active)
                {
                    cmdlet.WriteVerbose($"{AlertingCmdlet.Describe(alert)} is already {(active ? "enabled" : "disabled")}.");
                }
                else
                {
                    var definition = AlertDefinition.From(alert);
                    definition.Active = active;
                    written = cmdlet.TryCall(alert, ErrorIds.AlertNotFound, $"The alert '{alert.Name}' ({alert.Id}) no longer exists.",
                        () => cmdlet.Await(ct => cmdlet.Client.UpdateAlertAsync(alert.Id, definition, cmdlet.Trace, ct)));
                }

                if (written && passThru)
                {
                    var current = alert.Active == active ? alert : cmdlet.ReadAlert(alert.Id);
                    if (current != null)
                    {
                        cmdlet.WriteObject(current);
                    }
                }
            }
        }
    }
}
