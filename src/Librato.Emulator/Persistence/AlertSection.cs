using System;
using System.Collections.Generic;
using Librato.Emulator.Storage;

namespace Librato.Emulator.Persistence;

/// <summary>
/// Saves the alerts with their conditions, the ids of their services, and whether each is firing or was cleared
/// (with the times), so a restart neither forgets a firing alert nor lets a cleared one fire again on old data.
/// </summary>
internal sealed class AlertSection : ResourceSection<List<SavedAlert>>
{
    public AlertSection(AccountStore account)
        : base("alerts", account, ResourceJsonContext.Default.ListSavedAlert)
    {
    }

    protected override List<SavedAlert> Collect()
    {
        var alerts = Resources.Alerts.All();
        alerts.Sort(static (a, b) => a.Id.CompareTo(b.Id));
        var result = new List<SavedAlert>(alerts.Count);
        foreach (var alert in alerts)
        {
            result.Add(new SavedAlert(alert, Resources.Alerts.GetState(alert.Id)));
        }

        return result;
    }

    protected override long Restore(List<SavedAlert> saved)
    {
        long highest = 0;
        foreach (var (alert, state) in saved)
        {
            if (Resources.Alerts.Find(alert.Id) is not null)
            {
                throw SavedTwice("alert", alert.Id);
            }

            Resources.Alerts.Put(alert);
            Resources.Alerts.SetState(alert.Id, state);
            highest = Math.Max(highest, alert.Id);
            foreach (var condition in alert.Conditions)
            {
                highest = Math.Max(highest, condition.Id);
            }
        }

        return highest;
    }
}
