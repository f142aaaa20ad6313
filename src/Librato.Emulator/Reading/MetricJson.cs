using System.Text.Json;
using Librato.Emulator.Http;
using Librato.Emulator.Storage;

namespace Librato.Emulator.Reading;

/// <summary>Writes the API's metric object.</summary>
internal static class MetricJson
{
    public static void Write(Utf8JsonWriter writer, MetricMetadata metric)
    {
        writer.WriteStartObject();
        WriteProperties(writer, metric);
        writer.WriteEndObject();
    }

    /// <summary>Writes the metric's members into an object the caller has opened, so reads can append series.</summary>
    public static void WriteProperties(Utf8JsonWriter writer, MetricMetadata metric)
    {
        writer.WriteString("name", metric.Name);
        writer.WriteOrNull("display_name", metric.DisplayName);
        writer.WriteOrNull("description", metric.Description);
        writer.WriteOrNull("period", metric.Period);

        writer.WriteString("type", metric.Type.ToApiName());
        writer.WriteNull("source_lag");
        writer.WriteStartObject("attributes");
        foreach (var attribute in metric.Attributes)
        {
            writer.WritePropertyName(attribute.Key);
            attribute.Value.WriteTo(writer);
        }

        writer.WriteEndObject();
        if (metric.Type == MetricType.Composite)
        {
            writer.WriteOrNull("composite", metric.Composite);
        }
    }
}
