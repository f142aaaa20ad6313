using System.Text.Json;
using Librato.Emulator.Http;

namespace Librato.Emulator.Faults;

internal static class FaultJson
{
    public static void Write(Utf8JsonWriter writer, Fault fault)
    {
        writer.WriteStartObject();
        writer.WriteNumber("id", fault.Id);
        writer.WriteString("kind", fault.Kind.ToName());
        writer.WriteStartObject("match");
        writer.WriteOrNull("method", fault.Method);
        writer.WriteOrNull("path", fault.Path);
        writer.WriteOrNull("user", fault.User);
        writer.WriteEndObject();
        writer.WriteNumber("remaining", fault.Remaining);
        writer.WriteOrNull("status", fault.Status);
        writer.WriteOrNull("body", fault.Body);
        writer.WriteOrNull("content_type", fault.ContentType);
        writer.WriteOrNull("retry_after", fault.RetryAfter);
        writer.WriteOrNull("location", fault.Location);
        writer.WriteNumber("delay_ms", fault.DelayMilliseconds);
        writer.WriteBoolean("process", fault.Process);
        if (fault.Kind == FaultKind.Drop)
        {
            writer.WriteString("after", fault.DropAfterHeaders ? "headers" : "body");
        }
        else
        {
            writer.WriteNull("after");
        }

        writer.WriteOrNull("bytes", fault.Bytes);
        writer.WriteEndObject();
    }
}
