using System;
using System.Collections.Generic;
using System.Linq;

namespace Librato.Emulator.Alerts;

/// <summary>An account's alerts and their firing state. Not thread-safe: used under <see cref="Resources.AccountResources.Gate"/>.</summary>
internal sealed class AlertStore
{
    private readonly Dictionary<long, Alert> alerts = new();
    private readonly Dictionary<long, AlertState> states = new();

    public int Count => alerts.Count;

    public Alert? Find(long id) => alerts.TryGetValue(id, out var alert) ? alert : null;

    /// <summary>The alert with this name (names ignore case), or null.</summary>
    public Alert? FindByName(string name)
    {
        foreach (var alert in alerts.Values)
        {
            if (string.Equals(alert.Name, name, StringComparison.OrdinalIgnoreCase))
            {
                return alert;
            }
        }

        return null;
    }

    public void Put(Alert alert) => alerts[alert.Id] = alert;

    public bool Remove(long id)
    {
        states.Remove(id);
        return alerts.Remove(id);
    }

    public List<Alert> All() => new(alerts.Values);

    public AlertState GetState(long id) => states.TryGetValue(id, out var state) ? state : AlertState.Initial;

    public void SetState(long id, AlertState state) => states[id] = state;

    /// <summary>Takes the service off every alert that lists it, as deleting a service does.</summary>
    public void DetachService(long serviceId, long now)
    {
        foreach (var alert in new List<Alert>(alerts.Values))
        {
            if (alert.ServiceIds.Contains(serviceId))
            {
                var remaining = new List<long>(alert.ServiceIds);
                remaining.RemoveAll(id => id == serviceId);
                alerts[alert.Id] = alert with { ServiceIds = remaining, UpdatedAt = now };
            }
        }
    }

    public void Clear()
    {
        alerts.Clear();
        states.Clear();
    }
}
