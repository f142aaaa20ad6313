using System.Collections.Generic;
using System.Threading.Tasks;
using Librato.Emulator.Http;
using Librato.Emulator.Input;
using Librato.Emulator.Resources;
using Microsoft.AspNetCore.Http;

namespace Librato.Emulator.Annotations;

/// <summary>Annotation events: creating (which creates the stream), reading, updating and deleting one event.</summary>
internal sealed class AnnotationEventEndpoints
{
    /// <summary>
    /// <c>POST /v1/annotations/:name</c>: 201 with <c>Location: /v1/annotations/:name/:id</c> and the event.
    /// The stream is created when it does not exist; <c>start_time</c> defaults to now.
    /// </summary>
    public Task CreateAsync(HttpContext context)
    {
        string name = RouteIds.Text(context, "name");
        if (!NameRules.IsValidMetricName(name))
        {
            return Respond.Invalid(context, "name", ResourceMessages.Invalid);
        }

        if (!ResourceBody.TryRead(Respond.Body(context), out var root))
        {
            return Respond.UnparseableBody(context);
        }

        var errors = new ParamErrors();
        var body = EventBody.Read(root, errors, create: true);
        long start = body.StartTime.Value ?? Clock.NowSeconds();
        if (!errors.Any && body.EndTime.Value is { } end && start > end)
        {
            errors.Add("start_time", ResourceMessages.StartAfterEnd);
        }

        if (errors.Any)
        {
            return Respond.Invalid(context, errors);
        }

        var resources = Respond.Resources(context);
        AnnotationEvent annotation;
        AnnotationStream stream;
        lock (resources.Gate)
        {
            stream = resources.Annotations.GetOrCreate(name);
            annotation = new AnnotationEvent(
                resources.Ids.Next(),
                body.Title.Value,
                body.Description.Value,
                body.Source.Value,
                start,
                body.EndTime.Value,
                body.Links.HasValue ? body.Links.Value : new List<AnnotationLink>());
            resources.Annotations.PutEvent(stream.Name, annotation);
        }

        return Respond.Created(context, $"/v1/annotations/{stream.Name}/{annotation.Id}", writer => AnnotationJson.WriteEvent(writer, annotation));
    }

    /// <summary><c>GET /v1/annotations/:name/:id</c></summary>
    public Task ShowAsync(HttpContext context)
    {
        var resources = Respond.Resources(context);
        AnnotationEvent? annotation = null;
        bool streamExists;
        lock (resources.Gate)
        {
            streamExists = resources.Annotations.Find(RouteIds.Text(context, "name")) is not null;
            if (streamExists && RouteIds.TryGet(context, "id", out long id))
            {
                annotation = resources.Annotations.FindEvent(RouteIds.Text(context, "name"), id);
            }
        }

        if (annotation is null)
        {
            return Respond.NotFound(context, streamExists ? ResourceMessages.EventNotFound : ResourceMessages.StreamNotFound);
        }

        return Respond.Ok(context, writer => AnnotationJson.WriteEvent(writer, annotation));
    }

    /// <summary><c>PUT /v1/annotations/:name/:id</c>: title, description, end_time and links (replacing them); 204.</summary>
    public Task UpdateAsync(HttpContext context)
    {
        string name = RouteIds.Text(context, "name");
        if (!ResourceBody.TryRead(Respond.Body(context), out var root))
        {
            return Respond.UnparseableBody(context);
        }

        var errors = new ParamErrors();
        var body = EventBody.Read(root, errors, create: false);
        var resources = Respond.Resources(context);
        lock (resources.Gate)
        {
            var annotation = Find(resources, context, name, out string missing);
            if (annotation is null)
            {
                return Respond.NotFound(context, missing);
            }

            long? end = body.EndTime.HasValue ? body.EndTime.Value : annotation.EndTime;
            if (!errors.Any && end is { } endTime && annotation.StartTime > endTime)
            {
                errors.Add("start_time", ResourceMessages.StartAfterEnd);
            }

            if (errors.Any)
            {
                return Respond.Invalid(context, errors);
            }

            resources.Annotations.PutEvent(name, annotation with
            {
                Title = body.Title.HasValue ? body.Title.Value : annotation.Title,
                Description = body.Description.HasValue ? body.Description.Value : annotation.Description,
                EndTime = end,
                Links = body.Links.HasValue ? body.Links.Value : annotation.Links,
            });
        }

        return Respond.NoContent(context);
    }

    /// <summary><c>DELETE /v1/annotations/:name/:id</c>: 204.</summary>
    public Task DeleteAsync(HttpContext context)
    {
        string name = RouteIds.Text(context, "name");
        var resources = Respond.Resources(context);
        string missing;
        lock (resources.Gate)
        {
            var annotation = Find(resources, context, name, out missing);
            if (annotation is not null)
            {
                resources.Annotations.RemoveEvent(name, annotation.Id);
                return Respond.NoContent(context);
            }
        }

        return Respond.NotFound(context, missing);
    }

    /// <summary>The event named by the route, or null with the 404 message to give. Call while holding the gate.</summary>
    public static AnnotationEvent? Find(AccountResources resources, HttpContext context, string streamName, out string missing)
    {
        if (resources.Annotations.Find(streamName) is null)
        {
            missing = ResourceMessages.StreamNotFound;
            return null;
        }

        missing = ResourceMessages.EventNotFound;
        return RouteIds.TryGet(context, "id", out long id) ? resources.Annotations.FindEvent(streamName, id) : null;
    }
}
