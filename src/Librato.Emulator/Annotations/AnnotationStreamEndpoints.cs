using System;
using System.Collections.Generic;
using System.Threading.Tasks;
using Librato.Emulator.Http;
using Librato.Emulator.Input;
using Librato.Emulator.Reading;
using Librato.Emulator.Resources;
using Microsoft.AspNetCore.Http;

namespace Librato.Emulator.Annotations;

/// <summary>Annotation streams: listing, reading (with events), renaming for display and deleting.</summary>
internal sealed class AnnotationStreamEndpoints
{
    private const string Unassigned = "unassigned";

    /// <summary><c>GET /v1/annotations</c>: paginated streams ordered by name; <c>name</c> keeps names containing it.</summary>
    public Task ListAsync(HttpContext context) =>
        ResourceList.ByNameAsync(
            context,
            "annotations",
            static resources => resources.Annotations.All(),
            static stream => stream.Name,
            static (a, b) => PageRequest.CompareNames(a.Name, b.Name),
            AnnotationJson.WriteStream);

    /// <summary>
    /// <c>GET /v1/annotations/:name</c>: the stream; with time parameters also its events, as an object keyed by
    /// source (<c>unassigned</c> for events without one), each list in start-time order.
    /// </summary>
    public Task ShowAsync(HttpContext context)
    {
        string name = RouteIds.Text(context, "name");
        var query = context.Request.Query;
        EventQuery? events = null;
        if (EventQuery.IsRequested(query))
        {
            var errors = new ParamErrors();
            events = EventQuery.Parse(query, Clock.NowSeconds(), errors);
            if (events is null)
            {
                return Respond.Invalid(context, errors);
            }
        }

        var resources = Respond.Resources(context);
        AnnotationStream? stream;
        List<AnnotationEvent> chosen = new();
        lock (resources.Gate)
        {
            stream = resources.Annotations.Find(name);
            if (stream is not null && events is not null)
            {
                chosen = events.Select(resources.Annotations.Events(stream.Name));
            }
        }

        if (stream is null)
        {
            return Respond.NotFound(context, ResourceMessages.StreamNotFound);
        }

        return Respond.Ok(context, writer =>
        {
            writer.WriteStartObject();
            AnnotationJson.WriteStreamFields(writer, stream);
            if (events is not null)
            {
                writer.WriteStartObject("events");
                foreach (var group in GroupBySource(chosen))
                {
                    writer.WriteStartArray(group.Key);
                    foreach (var annotation in group.Value)
                    {
                        AnnotationJson.WriteEvent(writer, annotation);
                    }

                    writer.WriteEndArray();
                }

                writer.WriteEndObject();
            }

            writer.WriteEndObject();
        });
    }

    /// <summary><c>PUT /v1/annotations/:name</c> with <c>display_name</c>: 204.</summary>
    public Task UpdateAsync(HttpContext context)
    {
        string name = RouteIds.Text(context, "name");
        if (!ResourceBody.TryRead(Respond.Body(context), out var root))
        {
            return Respond.UnparseableBody(context);
        }

        var errors = new ParamErrors();
        var fields = new FieldReader(root, errors);
        string? displayName = fields.Has("display_name") ? fields.RequiredString("display_name", 255) : null;
        var resources = Respond.Resources(context);
        lock (resources.Gate)
        {
            var stream = resources.Annotations.Find(name);
            if (stream is null)
            {
                return Respond.NotFound(context, ResourceMessages.StreamNotFound);
            }

            if (errors.Any)
            {
                return Respond.Invalid(context, errors);
            }

            if (displayName is not null)
            {
                resources.Annotations.Put(stream with { DisplayName = displayName });
            }
        }

        return Respond.NoContent(context);
    }

    /// <summary><c>DELETE /v1/annotations/:name</c>: 204; the stream's events go with it.</summary>
    public Task DeleteAsync(HttpContext context)
    {
        string name = RouteIds.Text(context, "name");
        var resources = Respond.Resources(context);
        bool removed;
        lock (resources.Gate)
        {
            removed = resources.Annotations.Remove(name);
        }

        return removed ? Respond.NoContent(context) : Respond.NotFound(context, ResourceMessages.StreamNotFound);
    }

    /// <summary>Events by source, <c>unassigned</c> first and then sources by name; the events keep their order.</summary>
    private static SortedDictionary<string, List<AnnotationEvent>> GroupBySource(List<AnnotationEvent> events)
    {
        var groups = new SortedDictionary<string, List<AnnotationEvent>>(Comparer<string>.Create(static (a, b) =>
            a == b ? 0 : a == Unassigned ? -1 : b == Unassigned ? 1 : PageRequest.CompareNames(a, b)));
        foreach (var annotation in events)
        {
            string key = annotation.Source ?? Unassigned;
            if (!groups.TryGetValue(key, out var list))
            {
                list = new List<AnnotationEvent>();
                groups[key] = list;
            }

            list.Add(annotation);
        }

        return groups;
    }
}
