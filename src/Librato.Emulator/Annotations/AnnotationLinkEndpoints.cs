using System;
using System.Collections.Generic;
using System.Threading.Tasks;
using Librato.Emulator.Http;
using Librato.Emulator.Resources;
using Microsoft.AspNetCore.Http;

namespace Librato.Emulator.Annotations;

/// <summary>Adding a link to an annotation event and removing it by its <c>rel</c>.</summary>
internal sealed class AnnotationLinkEndpoints
{
    /// <summary>
    /// <c>POST /v1/annotations/:name/:id/links</c>: 201 with <c>Location: …/links/:rel</c> and the link.
    /// A rel the event already has is 422, as creating any duplicate is.
    /// </summary>
    public Task CreateAsync(HttpContext context)
    {
        string name = RouteIds.Text(context, "name");
        if (!ResourceBody.TryRead(Respond.Body(context), out var root))
        {
            return Respond.UnparseableBody(context);
        }

        var errors = new ParamErrors();
        var link = LinkReader.ReadOne(new FieldReader(root, errors));
        var resources = Respond.Resources(context);
        AnnotationEvent? annotation;
        lock (resources.Gate)
        {
            annotation = AnnotationEventEndpoints.Find(resources, context, name, out string missing);
            if (annotation is null)
            {
                return Respond.NotFound(context, missing);
            }

            if (link is null || errors.Any)
            {
                return Respond.Invalid(context, errors);
            }

            foreach (var existing in annotation.Links)
            {
                if (existing.Rel == link.Rel)
                {
                    return Respond.AlreadyExists(context, "rel");
                }
            }

            var links = new List<AnnotationLink>(annotation.Links) { link };
            resources.Annotations.PutEvent(name, annotation with { Links = links });
        }

        string location = $"/v1/annotations/{Uri.EscapeDataString(name)}/{annotation.Id}/links/{Uri.EscapeDataString(link.Rel)}";
        return Respond.Created(context, location, writer => AnnotationJson.WriteLink(writer, link));
    }

    /// <summary><c>DELETE /v1/annotations/:name/:id/links/:rel</c>: 204.</summary>
    public Task DeleteAsync(HttpContext context)
    {
        string name = RouteIds.Text(context, "name");
        string rel = RouteIds.Text(context, "rel");
        var resources = Respond.Resources(context);
        lock (resources.Gate)
        {
            var annotation = AnnotationEventEndpoints.Find(resources, context, name, out string missing);
            if (annotation is null)
            {
                return Respond.NotFound(context, missing);
            }

            var links = new List<AnnotationLink>(annotation.Links);
            if (links.RemoveAll(l => l.Rel == rel) == 0)
            {
                return Respond.NotFound(context, ResourceMessages.LinkNotFound);
            }

            resources.Annotations.PutEvent(name, annotation with { Links = links });
        }

        return Respond.NoContent(context);
    }
}
