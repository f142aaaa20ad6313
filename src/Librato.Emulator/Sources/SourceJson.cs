using System.Text.Json;
using Librato.Emulator.Http;
using Librato.Emulator.Storage;

namespace Librato.Emulator.Sources;

/// <summary>Writes the API's source object: <c>{"name","display_name"}</c>.</summary>
internal static class SourceJson
{
    public static void Write(Utf8JsonWriter writer, SourceRecord source)
    {
        writer.WriteStartObject();
        writer.WriteString("name", source.Name);
        writer.WriteOrNull("display_name", source.DisplayName);
        writer.WriteEndObject();
    }
}
