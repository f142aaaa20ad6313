using System.Collections.Generic;
using System.Text.Json;

namespace Librato.Emulator.Spaces;

internal static class SpaceJson
{
    /// <summary><c>{"id","name"}</c>, plus <c>tags</c> when the space was created with it.</summary>
    public static void WriteSummary(Utf8JsonWriter writer, Space space)
    {
        writer.WriteStartObject();
        writer.WriteNumber("id", space.Id);
        writer.WriteString("name", space.Name);
        WriteTags(writer, space);
        writer.WriteEndObject();
    }

    /// <summary><c>{"name","id","charts":[{"id"}]}</c>: the space with the ids of its charts in creation order.</summary>
    public static void WriteWithCharts(Utf8JsonWriter writer, Space space, List<Chart> charts)
    {
        writer.WriteStartObject();
        writer.WriteString("name", space.Name);
        writer.WriteNumber("id", space.Id);
        WriteTags(writer, space);
        writer.WriteStartArray("charts");
        foreach (var chart in charts)
        {
            writer.WriteStartObject();
            writer.WriteNumber("id", chart.Id);
            writer.WriteEndObject();
        }

        writer.WriteEndArray();
        writer.WriteEndObject();
    }

    private static void WriteTags(Utf8JsonWriter writer, Space space)
    {
        if (space.Tags is { } tags)
        {
            writer.WriteBoolean("tags", tags);
        }
    }
}
