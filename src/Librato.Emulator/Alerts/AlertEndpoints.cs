using System;
using System.Collections.Generic;
using System.Text.Json;
using System.Threading.Tasks;
using Librato.Emulator.Hosting;
using Librato.Emulator.Http;
using Librato.Emulator.Input;
using Librato.Emulator.Reading;
using Librato.Emulator.Resources;
using Librato.Emulator.Services;
using Librato.Emulator.Storage;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;

namespace Librato.Emulator.Alerts;

/// <summary><c>/v1/alerts</c> and <c>/v1/alerts/:id</c>: version-2 alerts with their conditions and services.</summary>
internal sealed class AlertEndpoints
{
    private static readonly JsonElement EmptyAttributes = JsonSerializer.SerializeToElement(new { });

    /// <summary>
    /// <c>GET /v1/alerts</c>: paginated, ordered by updated_at. <c>name</c> keeps alerts whose name contains it
    /// (ignoring case); <c>version</c> picks version 1 or 2 alerts, and without it only version 2 alerts are listed.
    /// </summary>
    public Task ListAsync(HttpContext context)
    {
        var query = context.Request.Query;
        var errors = new ParamErrors();
        var page = PageRequest.Read(query, errors, "updated_at");
        long version = QueryParams.GetInteger(query, "version", errors) ?? 2;
        if (version is not (1 or 2))
        {
            errors.Add("version", ErrorMessages.NotInList);
        }

        if (page is null || errors.Any)
        {
            return Respond.Invalid(context, errors);
        }

        string? name = QueryParams.GetString(query, "name");
        var resources = Respond.Resources(context);
        var rows = new List<(Alert Alert, List<Service> Services)>();
        int total;
        lock (resources.Gate)
        {
            var all = resources.Alerts.All();
            total = all.Count;
            foreach (var alert in all)
            {
                if (alert.Version == version &&
                    (string.IsNullOrEmpty(name) || alert.Name.Contains(name, StringComparison.OrdinalIgnoreCase)))
                {
                    rows.Add((alert, ServicesOf(resources, alert)));
                }
            }
        }

        int found = rows.Count;
        var items = page.Cut(rows, static (a, b) => a.Alert.UpdatedAt != b.Alert.UpdatedAt
            ? a.Alert.UpdatedAt.CompareTo(b.Alert.UpdatedAt)
            : a.Alert.Id.CompareTo(b.Alert.Id));
        return Respond.Ok(context, writer =>
            page.WriteEnvelope(writer, "alerts", found, total, items, static (w, row) => AlertJson.Write(w, row.Alert, row.Services)));
    }

    /// <summary><c>POST /v1/alerts</c>: 201 with Location and the alert, its services expanded.</summary>
    public Task CreateAsync(HttpContext context)
    {
        if (!ResourceBody.TryRead(Respond.Body(context), out var root))
        {
            return Respond.UnparseableBody(context);
        }

        var account = context.Features.GetRequiredFeature<ApiRequest>().Account;
        var errors = new ParamErrors();
        var body = AlertBody.Read(root, errors, create: true, account);
        if (errors.Any)
        {
            return Respond.Invalid(context, errors);
        }

        var resources = account.Resources;
        Alert alert;
        List<Service> services;
        lock (resources.Gate)
        {
            if (resources.Alerts.FindByName(body.Name.Value) is not null)
            {
                return Respond.AlreadyExists(context, "name");
            }

            var serviceIds = body.Services.Value ?? new List<long>();
            if (!CheckServices(resources, serviceIds, errors))
            {
                return Respond.Invalid(context, errors);
            }

            long now = Clock.NowSeconds();
            long id = resources.Ids.Next();
            alert = new Alert(
                id,
                body.Name.Value,
                body.Description.Value,
                body.Version.Value ?? 2,
                AssignIds(resources, body.Conditions, Array.Empty<AlertCondition>()),
                serviceIds,
                body.Attributes.Value ?? EmptyAttributes,
                body.Active.Value ?? true,
                body.RearmSeconds.Value ?? AlertBody.DefaultRearmSeconds,
                body.RearmPerSignal.Value ?? false,
                body.Md.Value ?? false,
                now,
                now);
            resources.Alerts.Put(alert);
            services = ServicesOf(resources, alert);
        }

        return Respond.Created(context, "/v1/alerts/" + alert.Id, writer => AlertJson.Write(writer, alert, services));
    }

    /// <summary><c>GET /v1/alerts/:id</c></summary>
    public Task ShowAsync(HttpContext context)
    {
        var resources = Respond.Resources(context);
        Alert? alert = null;
        List<Service>? services = null;
        if (RouteIds.TryGet(context, "id", out long id))
        {
            lock (resources.Gate)
            {
                alert = resources.Alerts.Find(id);
                services = alert is null ? null : ServicesOf(resources, alert);
            }
        }

        return alert is null
            ? Respond.NotFound(context, ResourceMessages.AlertNotFound)
            : Respond.Ok(context, writer => AlertJson.Write(writer, alert, services!));
    }

    /// <summary>
    /// <c>PUT /v1/alerts/:id</c>: 204. The conditions sent replace the alert's conditions, so leaving them out
    /// removes them (as documented); the other fields change only when sent, and null resets one to its default.
    /// </summary>
    public Task UpdateAsync(HttpContext context)
    {
        if (!RouteIds.TryGet(context, "id", out long id))
        {
            return Respond.NotFound(context, ResourceMessages.AlertNotFound);
        }

        if (!ResourceBody.TryRead(Respond.Body(context), out var root))
        {
            return Respond.UnparseableBody(context);
        }

        var account = context.Features.GetRequiredFeature<ApiRequest>().Account;
        var errors = new ParamErrors();
        var body = AlertBody.Read(root, errors, create: false, account);
        var resources = account.Resources;
        lock (resources.Gate)
        {
            var alert = resources.Alerts.Find(id);
            if (alert is null)
            {
                return Respond.NotFound(context, ResourceMessages.AlertNotFound);
            }

            if (errors.Any)
            {
                return Respond.Invalid(context, errors);
            }

            if (body.Name.HasValue && resources.Alerts.FindByName(body.Name.Value) is { } other && other.Id != id)
            {
                return Respond.AlreadyExists(context, "name");
            }

            var serviceIds = body.Services.HasValue ? body.Services.Value ?? new List<long>() : new List<long>(alert.ServiceIds);
            if (!CheckServices(resources, serviceIds, errors))
            {
                return Respond.Invalid(context, errors);
            }

            resources.Alerts.Put(alert with
            {
                Name = body.Name.HasValue ? body.Name.Value : alert.Name,
                Description = body.Description.HasValue ? body.Description.Value : alert.Description,
                Version = body.Version.HasValue ? body.Version.Value ?? 2 : alert.Version,
                Conditions = AssignIds(resources, body.Conditions, alert.Conditions),
                ServiceIds = serviceIds,
                Attributes = body.Attributes.HasValue ? body.Attributes.Value ?? EmptyAttributes : alert.Attributes,
                Active = body.Active.HasValue ? body.Active.Value ?? true : alert.Active,
                RearmSeconds = body.RearmSeconds.HasValue ? body.RearmSeconds.Value ?? AlertBody.DefaultRearmSeconds : alert.RearmSeconds,
                RearmPerSignal = body.RearmPerSignal.HasValue ? body.RearmPerSignal.Value ?? false : alert.RearmPerSignal,
                Md = body.Md.HasValue ? body.Md.Value ?? false : alert.Md,
                UpdatedAt = Clock.NowSeconds(),
            });
        }

        return Respond.NoContent(context);
    }

    /// <summary><c>DELETE /v1/alerts/:id</c></summary>
    public Task DeleteAsync(HttpContext context) =>
        ResourceById.DeleteAsync(context, ResourceMessages.AlertNotFound, static (resources, id) => resources.Alerts.Remove(id));

    /// <summary>The alert's services in the order they were attached. Call while holding the gate.</summary>
    public static List<Service> ServicesOf(AccountResources resources, Alert alert)
    {
        var result = new List<Service>(alert.ServiceIds.Count);
        foreach (long id in alert.ServiceIds)
        {
            if (resources.Services.Find(id) is { } service)
            {
                result.Add(service);
            }
        }

        return result;
    }

    private static bool CheckServices(AccountResources resources, List<long> ids, ParamErrors errors)
    {
        foreach (long id in ids)
        {
            if (resources.Services.Find(id) is null)
            {
                errors.Add("services", $"service {id} {ResourceMessages.DoesNotExist}");
            }
        }

        return !errors.Any;
    }

    private static List<AlertCondition> AssignIds(AccountResources resources, List<AlertCondition> conditions, IReadOnlyList<AlertCondition> current) =>
        resources.Ids.AssignKeeping(conditions, current, static c => c.Id, static (c, id) => c with { Id = id });
}
