using System.Text.Json;
using Librato.Emulator.Http;
using Librato.Emulator.Resources;
using Librato.Emulator.Storage;

namespace Librato.Emulator.Services;

/// <summary>The validated fields of a service POST or PUT; a field not sent stays absent.</summary>
internal sealed class ServiceBody
{
    public const int MaxLength = 255;

    public Optional<string> Title { get; private set; }

    public Optional<string> Type { get; private set; }

    public Optional<JsonElement> Settings { get; private set; }

    /// <summary>Reads the body; for a create every field is required, for an update each one only if sent.</summary>
    public static ServiceBody Read(JsonElement root, ParamErrors errors, bool create)
    {
        var fields = new FieldReader(root, errors);
        var body = new ServiceBody();
        if (create || fields.Has("title"))
        {
            if (fields.RequiredString("title", MaxLength) is { } title)
            {
                body.Title = Optional<string>.Of(title);
            }
        }

        if (create || fields.Has("type"))
        {
            if (fields.RequiredString("type", MaxLength) is { } type)
            {
                if (IsTypeName(type))
                {
                    body.Type = Optional<string>.Of(type);
                }
                else
                {
                    fields.Fail("type", ResourceMessages.Invalid);
                }
            }
        }

        if (create || fields.Has("settings"))
        {
            var settings = fields.Object("settings");
            if (settings is { HasValue: true, Value: { } value })
            {
                body.Settings = Optional<JsonElement>.Of(value);
            }
            else if (settings.HasValue || !fields.Has("settings"))
            {
                // Sent as null, or not sent at all: a failed read has already said what was wrong.
                fields.Fail("settings", ErrorMessages.NotPresent);
            }
        }

        return body;
    }

    /// <summary>Service types are the lower-case identifiers of the librato-services repository (mail, slack, pagerduty…).</summary>
    private static bool IsTypeName(string type)
    {
        foreach (char c in type)
        {
            if (!((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '_'))
            {
                return false;
            }
        }

        return true;
    }
}
