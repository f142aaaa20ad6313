using System.Text.Json;

namespace Librato.Emulator.Faults;

internal static class FaultJson
{
    public static void Write(Utf8JsonWriter writer, Fault fault)
    {
        writer.WriteStartObject();
        writer.WriteNumber("id", fault.Id);
        writer.WriteString("kind", fault.Kind.ToName());
        writer.WriteStartObject("match");
        WriteNullable(writer, "method", fault.Method);
        WriteNullable(writer, "path", fault.Path);
        WriteNullable(writer, "user", fault.User);
        writer.WriteEndObject();
        writer.WriteNumber("remaining", fault.Remaining);
        WriteNullable(writer, "status", fault.Status);
        WriteNullable(writer, "body", fault.Body);
        WriteNullable(writer, "content_type", fault.ContentType);
        WriteNullable(writer, "retry_after", fault.RetryAfter);
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

        WriteNullable(writer, "bytes", fault.Bytes);
        writer.WriteEndObject();
    }

    private static void WriteNullable(Utf8JsonWriter writer, string name, string? value)
    {
        if (value is null)
        {
            writer.WriteNull(name);
        }
        else
        {
            writer.WriteString(name, value);
        }
    }

    private static void WriteNullable(Utf8JsonWriter writer, string name, int? value)
    {
        if (value is null)
        {
            writer.WriteNull(name);
        }
        else
        {
            writer.WriteNumber(name, value.Value);
        }
    }
}
