using System.Threading.Tasks;
using Librato.Emulator.Control;
using Librato.Emulator.Resources;
using Microsoft.AspNetCore.Http;

namespace Librato.Emulator.Alerts;

/// <summary>
/// <c>POST /_emulator/alerts/:id/trigger[?user=EMAIL]</c> (control API, no authentication): makes the alert
/// fire until <c>POST /v1/alerts/:id/clear</c>, whatever the stored data says. Without <c>user</c> it acts on
/// the first account.
/// </summary>
internal sealed class AlertTriggerEndpoint
{
    private readonly EmulatorState state;

    public AlertTriggerEndpoint(EmulatorState state)
    {
        this.state = state;
    }

    public Task HandleAsync(HttpContext context)
    {
        var store = ControlUser.FindOrDefault(state, context, out string? user);
        if (store is null)
        {
            return ControlUser.UnknownAsync(context, user);
        }

        if (!RouteIds.TryGet(context, "id", out long id) || !AlertStatusEndpoints.Trigger(store.Resources, id))
        {
            return Respond.NotFound(context, ResourceMessages.AlertNotFound);
        }

        store.MarkChanged();
        return Respond.NoContent(context);
    }
}
