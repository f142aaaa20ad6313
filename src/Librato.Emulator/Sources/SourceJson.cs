using System.Text.Json;
using Librato.Emulator.Storage;

namespace Librato.Emulator.Sources;

/// <summary>Writes the API's source object: <c>{"name","display_name"}</c>.</summary>
internal static class SourceJson
{
    public static void Write(Utf8JsonWriter writer, SourceRecord source)
    {
        writer.WriteStartObject();
        writer.WriteString("name", source.Name);
        if (source.DisplayName is { } displayName)
        {
            writer.WriteString("display_name", displayName);
        }
        else
        {
            writer.WriteNull("display_name");
        }

        writer.WriteEndObject();
    }
}
