using System.Collections.Generic;
using System.Text.Json;
using Librato.Emulator.Http;
using Librato.Emulator.Resources;

namespace Librato.Emulator.Annotations;

/// <summary>Validates annotation links: <c>rel</c> and <c>href</c> are required, <c>label</c> is optional.</summary>
internal static class LinkReader
{
    public const int MaxLength = 1024;
    public const int MaxRelLength = 255;

    /// <summary>One link from the fields of a link POST or of an element of an event's <c>links</c>.</summary>
    public static AnnotationLink? ReadOne(FieldReader fields)
    {
        if (fields.Root.ValueKind != JsonValueKind.Object)
        {
            fields.Fail("", ResourceMessages.MustBeObject);
            return null;
        }

        string? rel = fields.RequiredString("rel", MaxRelLength);
        if (rel is not null && !IsValidRel(rel))
        {
            fields.Fail("rel", ResourceMessages.Invalid);
            rel = null;
        }

        string? href = fields.RequiredString("href", MaxLength);
        string? label = fields.String("label", MaxLength).Value;
        return rel is null || href is null ? null : new AnnotationLink(rel, label, href);
    }

    /// <summary>An event's <c>links</c> list, or null (with errors reported) when it is invalid.</summary>
    public static List<AnnotationLink>? ReadList(JsonElement value, ParamErrors errors)
    {
        var links = new List<AnnotationLink>();
        if (value.ValueKind is JsonValueKind.Undefined or JsonValueKind.Null)
        {
            return links;
        }

        if (value.ValueKind != JsonValueKind.Array)
        {
            errors.Add("links", ResourceMessages.MustBeArray);
            return null;
        }

        bool ok = true;
        int index = 0;
        var seen = new HashSet<string>();
        foreach (var element in value.EnumerateArray())
        {
            var fields = new FieldReader(element, errors, "links", index++);
            var link = ReadOne(fields);
            if (link is null)
            {
                ok = false;
            }
            else if (!seen.Add(link.Rel))
            {
                fields.Fail("rel", "must be unique within the event");
                ok = false;
            }
            else
            {
                links.Add(link);
            }
        }

        return ok ? links : null;
    }

    /// <summary>A rel is also a path segment (<c>…/links/:rel</c>), so it may not contain '/', '?' or '#'.</summary>
    private static bool IsValidRel(string rel) => rel.IndexOfAny(new[] { '/', '?', '#' }) < 0;
}
