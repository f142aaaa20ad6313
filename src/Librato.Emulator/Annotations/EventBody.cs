using System.Collections.Generic;
using System.Text.Json;
using Librato.Emulator.Http;
using Librato.Emulator.Input;
using Librato.Emulator.Resources;
using Librato.Emulator.Storage;

namespace Librato.Emulator.Annotations;

/// <summary>The validated fields of an annotation event POST or PUT; a field not sent stays absent.</summary>
internal sealed class EventBody
{
    public const int MaxTitleLength = 255;

    public Optional<string> Title { get; private set; }

    public Optional<string?> Description { get; private set; }

    public Optional<string?> Source { get; private set; }

    public Optional<long?> StartTime { get; private set; }

    public Optional<long?> EndTime { get; private set; }

    public Optional<List<AnnotationLink>> Links { get; private set; }

    /// <summary>
    /// Reads a create (<paramref name="create"/>: title required; source and start_time accepted) or an update
    /// (title, description, end_time and links, as documented).
    /// </summary>
    public static EventBody Read(JsonElement root, ParamErrors errors, bool create)
    {
        var fields = new FieldReader(root, errors);
        var body = new EventBody();
        if (create || fields.Has("title"))
        {
            if (fields.RequiredString("title", MaxTitleLength) is { } title)
            {
                body.Title = Optional<string>.Of(title);
            }
        }

        body.Description = fields.String("description");
        if (create)
        {
            var source = fields.String("source", NameRules.MaxLength);
            if (!string.IsNullOrEmpty(source.Value) && !NameRules.IsValidSource(source.Value))
            {
                fields.Fail("source", ResourceMessages.Invalid);
            }
            else
            {
                body.Source = Optional<string?>.Of(string.IsNullOrEmpty(source.Value) ? null : source.Value);
            }

            body.StartTime = fields.Integer("start_time");
        }

        body.EndTime = fields.Integer("end_time");
        if (fields.Has("links"))
        {
            var links = LinkReader.ReadList(fields.Raw("links"), errors);
            if (links is not null)
            {
                body.Links = Optional<List<AnnotationLink>>.Of(links);
            }
        }

        return body;
    }
}
