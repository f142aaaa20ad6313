using System;
using System.Collections.Generic;
using System.Diagnostics.CodeAnalysis;
using System.Text.Json;
using System.Text.Unicode;

namespace Librato.Emulator.Input;

internal static class JsonBody
{
    /// <summary>Parses a body whose root must be a JSON object.</summary>
    public static bool TryParseObject(ReadOnlyMemory<byte> body, [NotNullWhen(true)] out JsonDocument? document)
    {
        document = null;

        // A document would accept invalid UTF-8 inside strings and only fail when a string is read.
        if (body.IsEmpty || !Utf8.IsValid(body.Span))
        {
            return false;
        }

        try
        {
            document = JsonDocument.Parse(body);
        }
        catch (JsonException)
        {
            return false;
        }

        if (document.RootElement.ValueKind != JsonValueKind.Object)
        {
            document.Dispose();
            document = null;
            return false;
        }

        return true;
    }

    /// <summary>The property's value, or an Undefined element when it is absent or null.</summary>
    public static JsonElement Get(JsonElement obj, string name) =>
        obj.TryGetProperty(name, out var value) && value.ValueKind != JsonValueKind.Null ? value : default;

    public static bool IsPresent(JsonElement element) => element.ValueKind != JsonValueKind.Undefined;

    /// <summary>A string property's value; null when absent or not a string.</summary>
    public static string? GetString(JsonElement obj, string name)
    {
        var value = Get(obj, name);
        return value.ValueKind == JsonValueKind.String ? value.GetString() : null;
    }

    /// <summary>Copies an attributes object into standalone values that outlive the request's document.</summary>
    public static List<KeyValuePair<string, JsonElement>>? CopyObject(JsonElement obj)
    {
        if (obj.ValueKind != JsonValueKind.Object)
        {
            return null;
        }

        var result = new List<KeyValuePair<string, JsonElement>>();
        foreach (var property in obj.EnumerateObject())
        {
            result.Add(new KeyValuePair<string, JsonElement>(property.Name, property.Value.Clone()));
        }

        return result;
    }

    /// <summary>Copies an attributes object captured by a single-pass reader; null unless it is an object.</summary>
    public static List<KeyValuePair<string, JsonElement>>? CopyObject(ReadOnlySpan<byte> body, in JsonScalar field)
    {
        if (field.Kind != JsonValueKind.Object)
        {
            return null;
        }

        using var document = JsonDocument.Parse(field.Raw(body).ToArray());
        return CopyObject(document.RootElement);
    }
}
