using System;
using System.Collections.Generic;
using System.Threading.Tasks;
using Librato.Emulator.Http;
using Librato.Emulator.Reading;
using Librato.Emulator.Resources;
using Microsoft.AspNetCore.Http;

namespace Librato.Emulator.Spaces;

/// <summary><c>/v1/spaces</c> and <c>/v1/spaces/:id</c>.</summary>
internal sealed class SpaceEndpoints
{
    public const int MaxNameLength = 255;

    /// <summary><c>GET /v1/spaces</c>: paginated <c>{id,name}</c> ordered by name; <c>name</c> keeps names containing it.</summary>
    public Task ListAsync(HttpContext context) =>
        ResourceList.ByNameAsync(
            context,
            "spaces",
            static resources => resources.Spaces.All(),
            static space => space.Name,
            static (a, b) => ResourceList.CompareNamesThenIds(a.Name, a.Id, b.Name, b.Id),
            SpaceJson.WriteSummary);

    /// <summary><c>POST /v1/spaces</c> with <c>name</c> (and optionally <c>tags</c>): 201 with Location and <c>{id,name}</c>.</summary>
    public Task CreateAsync(HttpContext context)
    {
        if (!ResourceBody.TryRead(Respond.Body(context), out var root))
        {
            return Respond.UnparseableBody(context);
        }

        var errors = new ParamErrors();
        var fields = new FieldReader(root, errors);
        string? name = fields.RequiredString("name", MaxNameLength);
        bool? tags = fields.Bool("tags").Value;
        if (errors.Any)
        {
            return Respond.Invalid(context, errors);
        }

        var resources = Respond.Resources(context);
        Space space;
        lock (resources.Gate)
        {
            space = new Space(resources.Ids.Next(), name!, tags);
            resources.Spaces.Put(space);
        }

        return Respond.Created(context, "/v1/spaces/" + space.Id, writer => SpaceJson.WriteSummary(writer, space));
    }

    /// <summary><c>GET /v1/spaces/:id</c>: <c>{"name","id","charts":[{"id"}]}</c>.</summary>
    public Task ShowAsync(HttpContext context)
    {
        var resources = Respond.Resources(context);
        Space? space = null;
        List<Chart> charts = new();
        if (RouteIds.TryGet(context, "id", out long id))
        {
            lock (resources.Gate)
            {
                space = resources.Spaces.Find(id);
                if (space is not null)
                {
                    charts = resources.Spaces.ChartsOf(id);
                }
            }
        }

        return space is null
            ? Respond.NotFound(context, ResourceMessages.SpaceNotFound)
            : Respond.Ok(context, writer => SpaceJson.WriteWithCharts(writer, space, charts));
    }

    /// <summary><c>PUT /v1/spaces/:id</c> with <c>name</c>: 204.</summary>
    public Task UpdateAsync(HttpContext context)
    {
        if (!RouteIds.TryGet(context, "id", out long id))
        {
            return Respond.NotFound(context, ResourceMessages.SpaceNotFound);
        }

        if (!ResourceBody.TryRead(Respond.Body(context), out var root))
        {
            return Respond.UnparseableBody(context);
        }

        var errors = new ParamErrors();
        var fields = new FieldReader(root, errors);
        string? name = fields.Has("name") ? fields.RequiredString("name", MaxNameLength) : null;
        var tags = fields.Bool("tags");
        var resources = Respond.Resources(context);
        lock (resources.Gate)
        {
            var space = resources.Spaces.Find(id);
            if (space is null)
            {
                return Respond.NotFound(context, ResourceMessages.SpaceNotFound);
            }

            if (errors.Any)
            {
                return Respond.Invalid(context, errors);
            }

            resources.Spaces.Put(space with { Name = name ?? space.Name, Tags = tags.HasValue ? tags.Value : space.Tags });
        }

        return Respond.NoContent(context);
    }

    /// <summary><c>DELETE /v1/spaces/:id</c>: 204; the space's charts go with it.</summary>
    public Task DeleteAsync(HttpContext context) =>
        ResourceById.DeleteAsync(context, ResourceMessages.SpaceNotFound, static (resources, id) => resources.Spaces.Remove(id));
}
