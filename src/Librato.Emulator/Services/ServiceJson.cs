using System.Text.Json;

namespace Librato.Emulator.Services;

internal static class ServiceJson
{
    /// <summary>
    /// <c>{"id","type","settings","title"}</c>. The id is written as a number everywhere: alerts embed services
    /// with numeric ids, and typed clients decode one type only.
    /// </summary>
    public static void Write(Utf8JsonWriter writer, Service service)
    {
        writer.WriteStartObject();
        writer.WriteNumber("id", service.Id);
        writer.WriteString("type", service.Type);
        writer.WritePropertyName("settings");
        service.Settings.WriteTo(writer);
        writer.WriteString("title", service.Title);
        writer.WriteEndObject();
    }
}
