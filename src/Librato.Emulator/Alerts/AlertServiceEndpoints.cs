using System.Collections.Generic;
using System.Linq;
using System.Threading.Tasks;
using Librato.Emulator.Http;
using Librato.Emulator.Input;
using Librato.Emulator.Resources;
using Librato.Emulator.Services;
using Microsoft.AspNetCore.Http;

namespace Librato.Emulator.Alerts;

/// <summary>Attaching a service to an alert and detaching it again.</summary>
internal sealed class AlertServiceEndpoints
{
    /// <summary>
    /// <c>POST /v1/alerts/:id/services</c> with <c>service=&lt;id&gt;</c> (form) or <c>{"service":id}</c>:
    /// 201 with <c>Location: /v1/alerts/:id/services/:service_id</c> and the service. Attaching a service
    /// that is already attached changes nothing and answers the same.
    /// </summary>
    public Task AttachAsync(HttpContext context)
    {
        if (!RouteIds.TryGet(context, "id", out long alertId))
        {
            return Respond.NotFound(context, ResourceMessages.AlertNotFound);
        }

        if (!ResourceBody.TryRead(Respond.Body(context), out var root))
        {
            return Respond.UnparseableBody(context);
        }

        var fields = new FieldReader(root, new ParamErrors());
        var raw = fields.Raw("service");
        bool hasId = AlertBody.TryReadId(raw, out long serviceId);
        var resources = Respond.Resources(context);
        Service? service;
        lock (resources.Gate)
        {
            var alert = resources.Alerts.Find(alertId);
            if (alert is null)
            {
                return Respond.NotFound(context, ResourceMessages.AlertNotFound);
            }

            if (!hasId)
            {
                return Respond.Invalid(context, "service",
                    raw.ValueKind is System.Text.Json.JsonValueKind.Undefined or System.Text.Json.JsonValueKind.Null
                        ? ErrorMessages.NotPresent
                        : ResourceMessages.Invalid);
            }

            service = resources.Services.Find(serviceId);
            if (service is null)
            {
                return Respond.Invalid(context, "service", ResourceMessages.DoesNotExist);
            }

            if (!alert.ServiceIds.Contains(serviceId))
            {
                var ids = new List<long>(alert.ServiceIds) { serviceId };
                resources.Alerts.Put(alert with { ServiceIds = ids, UpdatedAt = Clock.NowSeconds() });
            }
        }

        return Respond.Created(context, $"/v1/alerts/{alertId}/services/{serviceId}", writer => ServiceJson.Write(writer, service));
    }

    /// <summary><c>DELETE /v1/alerts/:alert_id/services/:id</c>: 204; 404 when the service is not attached.</summary>
    public Task DetachAsync(HttpContext context)
    {
        if (!RouteIds.TryGet(context, "alert_id", out long alertId))
        {
            return Respond.NotFound(context, ResourceMessages.AlertNotFound);
        }

        RouteIds.TryGet(context, "id", out long serviceId);
        var resources = Respond.Resources(context);
        lock (resources.Gate)
        {
            var alert = resources.Alerts.Find(alertId);
            if (alert is null)
            {
                return Respond.NotFound(context, ResourceMessages.AlertNotFound);
            }

            if (!alert.ServiceIds.Contains(serviceId))
            {
                return Respond.NotFound(context, ResourceMessages.ServiceNotFound);
            }

            var ids = new List<long>(alert.ServiceIds);
            ids.Remove(serviceId);
            resources.Alerts.Put(alert with { ServiceIds = ids, UpdatedAt = Clock.NowSeconds() });
        }

        return Respond.NoContent(context);
    }
}
