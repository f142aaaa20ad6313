using System.Collections.Generic;
using System.Threading.Tasks;
using Librato.Emulator.Http;
using Librato.Emulator.Input;
using Librato.Emulator.Resources;
using Microsoft.AspNetCore.Http;

namespace Librato.Emulator.Services;

/// <summary><c>/v1/services</c>: the notification targets that alerts use.</summary>
internal sealed class ServiceEndpoints
{
    /// <summary><c>GET /v1/services</c>: paginated, ordered by title (default) or updated_at.</summary>
    public Task ListAsync(HttpContext context)
    {
        var errors = new ParamErrors();
        var page = PageRequest.Read(context.Request.Query, errors, "title", "updated_at");
        if (page is null)
        {
            return Respond.Invalid(context, errors);
        }

        var resources = Respond.Resources(context);
        List<Service> all;
        lock (resources.Gate)
        {
            all = resources.Services.All();
        }

        return ResourceList.PageAsync(context, page, "services", all, static _ => true, page.OrderBy == "updated_at"
            ? static (a, b) => a.UpdatedAt != b.UpdatedAt ? a.UpdatedAt.CompareTo(b.UpdatedAt) : a.Id.CompareTo(b.Id)
            : static (a, b) => ResourceList.CompareNamesThenIds(a.Title, a.Id, b.Title, b.Id), ServiceJson.Write);
    }

    /// <summary><c>POST /v1/services</c>: 201 with Location and the service.</summary>
    public Task CreateAsync(HttpContext context)
    {
        if (!ResourceBody.TryRead(Respond.Body(context), out var root))
        {
            return Respond.UnparseableBody(context);
        }

        var errors = new ParamErrors();
        var body = ServiceBody.Read(root, errors, create: true);
        if (errors.Any)
        {
            return Respond.Invalid(context, errors);
        }

        var resources = Respond.Resources(context);
        long now = Clock.NowSeconds();
        Service service;
        lock (resources.Gate)
        {
            service = new Service(resources.Ids.Next(), body.Title.Value, body.Type.Value, body.Settings.Value, now, now);
            resources.Services.Put(service);
        }

        return Respond.Created(context, "/v1/services/" + service.Id, writer => ServiceJson.Write(writer, service));
    }

    /// <summary><c>GET /v1/services/:id</c></summary>
    public Task ShowAsync(HttpContext context) =>
        ResourceById.ShowAsync(context, ResourceMessages.ServiceNotFound, static (resources, id) => resources.Services.Find(id), ServiceJson.Write);

    /// <summary><c>PUT /v1/services/:id</c>: changes the fields sent; 204.</summary>
    public Task UpdateAsync(HttpContext context)
    {
        var resources = Respond.Resources(context);
        if (!RouteIds.TryGet(context, "id", out long id))
        {
            return Respond.NotFound(context, ResourceMessages.ServiceNotFound);
        }

        if (!ResourceBody.TryRead(Respond.Body(context), out var root))
        {
            return Respond.UnparseableBody(context);
        }

        var errors = new ParamErrors();
        var body = ServiceBody.Read(root, errors, create: false);
        lock (resources.Gate)
        {
            var service = resources.Services.Find(id);
            if (service is null)
            {
                return Respond.NotFound(context, ResourceMessages.ServiceNotFound);
            }

            if (errors.Any)
            {
                return Respond.Invalid(context, errors);
            }

            resources.Services.Put(service with
            {
                Title = body.Title.HasValue ? body.Title.Value : service.Title,
                Type = body.Type.HasValue ? body.Type.Value : service.Type,
                Settings = body.Settings.HasValue ? body.Settings.Value : service.Settings,
                UpdatedAt = Clock.NowSeconds(),
            });
        }

        return Respond.NoContent(context);
    }

    /// <summary><c>DELETE /v1/services/:id</c>: 204, and the service is taken off every alert that used it.</summary>
    public Task DeleteAsync(HttpContext context) =>
        ResourceById.DeleteAsync(context, ResourceMessages.ServiceNotFound, static (resources, id) =>
        {
            bool removed = resources.Services.Remove(id);
            if (removed)
            {
                resources.Alerts.DetachService(id, Clock.NowSeconds());
            }

            return removed;
        });
}
