using System.Collections.Generic;
using System.Text.Json;
using Librato.Emulator.Http;
using Librato.Emulator.Services;

namespace Librato.Emulator.Alerts;

internal static class AlertJson
{
    /// <summary>The alert as the API shows it, with its services expanded to full objects.</summary>
    public static void Write(Utf8JsonWriter writer, Alert alert, IReadOnlyList<Service> services)
    {
        writer.WriteStartObject();
        writer.WriteNumber("id", alert.Id);
        writer.WriteString("name", alert.Name);
        writer.WriteOrNull("description", alert.Description);
        writer.WriteStartArray("conditions");
        foreach (var condition in alert.Conditions)
        {
            WriteCondition(writer, condition);
        }

        writer.WriteEndArray();
        writer.WriteStartArray("services");
        foreach (var service in services)
        {
            ServiceJson.Write(writer, service);
        }

        writer.WriteEndArray();
        writer.WritePropertyName("attributes");
        alert.Attributes.WriteTo(writer);
        writer.WriteBoolean("active", alert.Active);
        writer.WriteNumber("created_at", alert.CreatedAt);
        writer.WriteNumber("updated_at", alert.UpdatedAt);
        writer.WriteNumber("version", alert.Version);
        writer.WriteNumber("rearm_seconds", alert.RearmSeconds);
        writer.WriteBoolean("rearm_per_signal", alert.RearmPerSignal);
        writer.WriteBoolean("md", alert.Md);
        writer.WriteEndObject();
    }

    private static void WriteCondition(Utf8JsonWriter writer, AlertCondition condition)
    {
        writer.WriteStartObject();
        writer.WriteNumber("id", condition.Id);
        writer.WriteString("type", condition.Type);
        writer.WriteString("metric_name", condition.MetricName);
        writer.WriteOrNull("source", condition.Source);
        writer.WriteOrNull("threshold", condition.Threshold);

        writer.WriteOrNull("summary_function", condition.SummaryFunction);
        writer.WriteOrNull("duration", condition.Duration);

        writer.WriteBoolean("detect_reset", condition.DetectReset);
        writer.WriteStartArray("tags");
        foreach (var tag in condition.Tags)
        {
            writer.WriteStartObject();
            writer.WriteString("name", tag.Name);
            writer.WriteBoolean("grouped", tag.Grouped);
            writer.WriteStartArray("values");
            foreach (string value in tag.Values)
            {
                writer.WriteStringValue(value);
            }

            writer.WriteEndArray();
            writer.WriteEndObject();
        }

        writer.WriteEndArray();
        writer.WriteEndObject();
    }
}
