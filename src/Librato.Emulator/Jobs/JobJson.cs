using System.Text.Json;
using Librato.Emulator.Storage;

namespace Librato.Emulator.Jobs;

/// <summary>Writes the API's job object: <c>{"id","state","progress"}</c>.</summary>
internal static class JobJson
{
    public static void Write(Utf8JsonWriter writer, Job job)
    {
        writer.WriteStartObject();
        writer.WriteNumber("id", job.Id);
        writer.WriteString("state", job.State);
        if (job.Progress.HasValue)
        {
            writer.WriteNumber("progress", job.Progress.Value);
        }

        writer.WriteEndObject();
    }
}
