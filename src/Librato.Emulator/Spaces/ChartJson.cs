using System;
using System.Text.Json;

namespace Librato.Emulator.Spaces;

internal static class ChartJson
{
    /// <summary>
    /// The chart: id, name, type, streams and thresholds always; min, max, label, related_space, use_log_yaxis and
    /// use_last_value when set. A stream shows its id and type and every other field that was set. The stream
    /// type is "composite" for a composite stream and otherwise the type of its metric (gauge when unknown),
    /// which <paramref name="metricType"/> looks up.
    /// </summary>
    public static void Write(Utf8JsonWriter writer, Chart chart, Func<string, string> metricType)
    {
        writer.WriteStartObject();
        writer.WriteNumber("id", chart.Id);
        writer.WriteString("name", chart.Name);
        writer.WriteString("type", chart.Type);
        writer.WriteStartArray("streams");
        foreach (var stream in chart.Streams)
        {
            WriteStream(writer, stream, metricType);
        }

        writer.WriteEndArray();
        WriteIfSet(writer, "min", chart.Min);
        WriteIfSet(writer, "max", chart.Max);
        WriteIfSet(writer, "label", chart.Label);
        if (chart.RelatedSpace is { } related)
        {
            writer.WriteNumber("related_space", related);
        }

        WriteIfSet(writer, "use_log_yaxis", chart.UseLogYAxis);
        WriteIfSet(writer, "use_last_value", chart.UseLastValue);
        if (chart.Thresholds is null)
        {
            writer.WriteNull("thresholds");
        }
        else
        {
            writer.WriteStartArray("thresholds");
            foreach (var threshold in chart.Thresholds)
            {
                writer.WriteStartObject();
                writer.WriteString("operator", threshold.Operator);
                writer.WriteNumber("value", threshold.Value);
                writer.WriteString("type", threshold.Type);
                writer.WriteEndObject();
            }

            writer.WriteEndArray();
        }

        writer.WriteEndObject();
    }

    private static void WriteStream(Utf8JsonWriter writer, ChartStream stream, Func<string, string> metricType)
    {
        writer.WriteStartObject();
        writer.WriteNumber("id", stream.Id);
        WriteIfSet(writer, "metric", stream.Metric);
        WriteIfSet(writer, "composite", stream.Composite);
        writer.WriteString("type", stream.Composite is not null ? "composite" : metricType(stream.Metric!));
        WriteIfSet(writer, "source", stream.Source);
        if (stream.Tags is not null)
        {
            writer.WriteStartArray("tags");
            foreach (var tag in stream.Tags)
            {
                writer.WriteStartObject();
                writer.WriteString("name", tag.Name);
                writer.WriteStartArray("values");
                foreach (string value in tag.Values)
                {
                    writer.WriteStringValue(value);
                }

                writer.WriteEndArray();
                WriteIfSet(writer, "grouped", tag.Grouped);
                WriteIfSet(writer, "dynamic", tag.Dynamic);
                writer.WriteEndObject();
            }

            writer.WriteEndArray();
        }

        WriteIfSet(writer, "group_function", stream.GroupFunction);
        WriteIfSet(writer, "summary_function", stream.SummaryFunction);
        WriteIfSet(writer, "downsample_function", stream.DownsampleFunction);
        WriteIfSet(writer, "color", stream.Color);
        WriteIfSet(writer, "name", stream.Name);
        WriteIfSet(writer, "units_short", stream.UnitsShort);
        WriteIfSet(writer, "units_long", stream.UnitsLong);
        WriteIfSet(writer, "min", stream.Min);
        WriteIfSet(writer, "max", stream.Max);
        if (stream.Period is { } period)
        {
            writer.WriteNumber("period", period);
        }

        WriteIfSet(writer, "transform_function", stream.TransformFunction);
        WriteIfSet(writer, "split_axis", stream.SplitAxis);
        WriteIfSet(writer, "gap_detection", stream.GapDetection);
        if (stream.Position is { } position)
        {
            writer.WriteNumber("position", position);
        }

        writer.WriteEndObject();
    }

    private static void WriteIfSet(Utf8JsonWriter writer, string name, string? value)
    {
        if (value is not null)
        {
            writer.WriteString(name, value);
        }
    }

    private static void WriteIfSet(Utf8JsonWriter writer, string name, double? value)
    {
        if (value is { } number)
        {
            writer.WriteNumber(name, number);
        }
    }

    private static void WriteIfSet(Utf8JsonWriter writer, string name, bool? value)
    {
        if (value is { } flag)
        {
            writer.WriteBoolean(name, flag);
        }
    }
}
