using System.Text.Json;
using Librato.Emulator.Http;

namespace Librato.Emulator.Annotations;

internal static class AnnotationJson
{
    public static void WriteStreamFields(Utf8JsonWriter writer, AnnotationStream stream)
    {
        writer.WriteString("name", stream.Name);
        writer.WriteString("display_name", stream.DisplayName);
    }

    public static void WriteStream(Utf8JsonWriter writer, AnnotationStream stream)
    {
        writer.WriteStartObject();
        WriteStreamFields(writer, stream);
        writer.WriteEndObject();
    }

    public static void WriteEvent(Utf8JsonWriter writer, AnnotationEvent annotation)
    {
        writer.WriteStartObject();
        writer.WriteNumber("id", annotation.Id);
        writer.WriteString("title", annotation.Title);
        writer.WriteOrNull("description", annotation.Description);
        writer.WriteOrNull("source", annotation.Source);
        writer.WriteNumber("start_time", annotation.StartTime);
        writer.WriteOrNull("end_time", annotation.EndTime);

        writer.WriteStartArray("links");
        foreach (var link in annotation.Links)
        {
            WriteLink(writer, link);
        }

        writer.WriteEndArray();
        writer.WriteEndObject();
    }

    public static void WriteLink(Utf8JsonWriter writer, AnnotationLink link)
    {
        writer.WriteStartObject();
        writer.WriteString("rel", link.Rel);
        writer.WriteOrNull("label", link.Label);
        writer.WriteString("href", link.Href);
        writer.WriteEndObject();
    }
}
