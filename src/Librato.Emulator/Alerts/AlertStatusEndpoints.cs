using System.Collections.Generic;
using System.Threading.Tasks;
using Librato.Emulator.Hosting;
using Librato.Emulator.Input;
using Librato.Emulator.Resources;
using Librato.Emulator.Storage;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;

namespace Librato.Emulator.Alerts;

/// <summary>
/// Alert status: <c>GET /v1/alerts/status</c>, <c>GET /v1/alerts/:id/status</c> and <c>POST /v1/alerts/:id/clear</c>.
/// Status is worked out when it is asked for: each read first re-evaluates the alerts against the stored data
/// (<see cref="AlertEvaluator"/>), so an alert fires as soon as its conditions hold and clears itself when they
/// stop holding; a trigger from the control API stays until the alert is cleared.
/// </summary>
internal sealed class AlertStatusEndpoints
{
    /// <summary><c>GET /v1/alerts/status</c>: <c>{"cleared":[{"cleared_at","id"}],"firing":[{"id","triggered_at"}]}</c>.</summary>
    public Task ListAsync(HttpContext context)
    {
        var account = context.Features.GetRequiredFeature<ApiRequest>().Account;
        var resources = account.Resources;
        var firing = new List<(long Id, long At)>();
        var cleared = new List<(long Id, long At)>();
        lock (resources.Gate)
        {
            long now = Clock.NowSeconds();
            foreach (var alert in resources.Alerts.All())
            {
                var state = Refresh(resources, account, alert, now);
                if (state.Firing)
                {
                    firing.Add((alert.Id, state.TriggeredAt ?? now));
                }
                else if (state.ClearedAt is { } at)
                {
                    cleared.Add((alert.Id, at));
                }
            }
        }

        firing.Sort(static (a, b) => a.Id.CompareTo(b.Id));
        cleared.Sort(static (a, b) => a.Id.CompareTo(b.Id));
        return Respond.Ok(context, writer =>
        {
            writer.WriteStartObject();
            writer.WriteStartArray("cleared");
            foreach (var (id, at) in cleared)
            {
                writer.WriteStartObject();
                writer.WriteNumber("cleared_at", at);
                writer.WriteNumber("id", id);
                writer.WriteEndObject();
            }

            writer.WriteEndArray();
            writer.WriteStartArray("firing");
            foreach (var (id, at) in firing)
            {
                writer.WriteStartObject();
                writer.WriteNumber("id", id);
                writer.WriteNumber("triggered_at", at);
                writer.WriteEndObject();
            }

            writer.WriteEndArray();
            writer.WriteEndObject();
        });
    }

    /// <summary><c>GET /v1/alerts/:id/status</c>: <c>{"alert":{"id"},"status":"triggered"|"ok"}</c>.</summary>
    public Task ShowAsync(HttpContext context)
    {
        var account = context.Features.GetRequiredFeature<ApiRequest>().Account;
        var resources = account.Resources;
        AlertState? state = null;
        if (RouteIds.TryGet(context, "id", out long id))
        {
            lock (resources.Gate)
            {
                if (resources.Alerts.Find(id) is { } alert)
                {
                    state = Refresh(resources, account, alert, Clock.NowSeconds());
                }
            }
        }

        if (state is null)
        {
            return Respond.NotFound(context, ResourceMessages.AlertNotFound);
        }

        return Respond.Ok(context, writer =>
        {
            writer.WriteStartObject();
            writer.WriteStartObject("alert");
            writer.WriteNumber("id", id);
            writer.WriteEndObject();
            writer.WriteString("status", state.Firing ? "triggered" : "ok");
            writer.WriteEndObject();
        });
    }

    /// <summary>
    /// <c>POST /v1/alerts/:id/clear</c>: 204. A firing alert becomes cleared, and only measurements later than
    /// this moment can trigger it again.
    /// </summary>
    public Task ClearAsync(HttpContext context)
    {
        var account = context.Features.GetRequiredFeature<ApiRequest>().Account;
        var resources = account.Resources;
        bool found = false;
        if (RouteIds.TryGet(context, "id", out long id))
        {
            lock (resources.Gate)
            {
                if (resources.Alerts.Find(id) is { } alert)
                {
                    found = true;
                    long now = Clock.NowSeconds();
                    var state = Refresh(resources, account, alert, now);
                    if (state.Firing)
                    {
                        resources.Alerts.SetState(id, state with { Firing = false, ClearedAt = now, Manual = false, IgnoreDataUntil = now });
                    }
                }
            }
        }

        return found ? Respond.NoContent(context) : Respond.NotFound(context, ResourceMessages.AlertNotFound);
    }

    /// <summary>Marks an alert as firing until it is cleared, whatever the data says; false when there is no such alert.</summary>
    public static bool Trigger(AccountResources resources, long id)
    {
        lock (resources.Gate)
        {
            if (resources.Alerts.Find(id) is null)
            {
                return false;
            }

            var state = resources.Alerts.GetState(id);
            long now = Clock.NowSeconds();
            resources.Alerts.SetState(id, state with { Firing = true, TriggeredAt = state.Firing ? state.TriggeredAt : now, Manual = true });
            return true;
        }
    }

    /// <summary>Brings the alert's state up to date with the data. Call while holding the gate.</summary>
    private static AlertState Refresh(AccountResources resources, AccountStore metrics, Alert alert, long now)
    {
        var state = resources.Alerts.GetState(alert.Id);
        if (state.Firing && state.Manual)
        {
            return state;
        }

        bool holds = AlertEvaluator.Holds(alert, metrics, now, state.IgnoreDataUntil);
        AlertState next = state;
        if (holds && !state.Firing)
        {
            next = state with { Firing = true, TriggeredAt = now, Manual = false };
        }
        else if (!holds && state.Firing)
        {
            next = state with { Firing = false, ClearedAt = now };
        }

        if (!ReferenceEquals(next, state))
        {
            resources.Alerts.SetState(alert.Id, next);

            // Reads change the firing state too, and the data file keeps it.
            metrics.MarkChanged();
        }

        return next;
    }
}
