using System.Threading.Tasks;
using Librato.Emulator.Http;
using Librato.Emulator.Reading;
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
        string? user = QueryParams.GetString(context.Request.Query, "user");
        var store = user is null ? state.DefaultStore : state.FindStore(user);
        if (store is null)
        {
            return JsonResponse.RequestErrorAsync(context, StatusCodes.Status404NotFound, $"No account '{user}' is configured");
        }

        if (!RouteIds.TryGet(context, "id", out long id) || !AlertStatusEndpoints.Trigger(store.Resources, id))
        {
            return Respond.NotFound(context, ResourceMessages.AlertNotFound);
        }

        store.MarkChanged();
        return Respond.NoContent(context);
    }
}
