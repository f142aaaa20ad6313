using System.Text.Json;
using Librato.Emulator.Http;
using Librato.Emulator.Input;

namespace Librato.Emulator.Resources;

/// <summary>One <c>{"name","values",…}</c> entry of a <c>tags</c> list, as alert conditions and chart streams take them.</summary>
internal static class TagEntryReader
{
    /// <summary>
    /// The entry's tag name, with a reader over the entry in <paramref name="tag"/>; null, reported on <c>tags</c>,
    /// when the entry is not an object or its name is missing or not a valid tag name.
    /// </summary>
    public static string? Name(FieldReader fields, JsonElement entry, out FieldReader tag)
    {
        tag = new FieldReader(entry, new ParamErrors());
        string? name = entry.ValueKind == JsonValueKind.Object ? tag.String("name").Value : null;
        if (name is null || !TagRules.IsValidName(name))
        {
            fields.Fail("tags", "must be a list of {\"name\",\"values\"} with valid tag names");
            return null;
        }

        return name;
    }
}
