using System;
using System.Collections.Generic;
using System.Globalization;
using System.Text.Json;
using Librato.Emulator.Http;
using Librato.Emulator.Storage;

namespace Librato.Emulator.Persistence;

/// <summary>
/// Saves an account's metrics: their metadata and every point of every series. A point is saved as
/// <c>[time, count, sum, min, max, sum_squares, last]</c>, which keeps large files compact.
/// </summary>
internal sealed class MetricSection : IPersistentSection
{
    private readonly AccountStore store;

    public MetricSection(AccountStore store)
    {
        this.store = store;
    }

    public string Name => "metrics";

    public void Write(Utf8JsonWriter writer)
    {
        var metrics = store.Snapshot();
        metrics.Sort(static (a, b) => StringComparer.OrdinalIgnoreCase.Compare(a.Name, b.Name));
        writer.WriteStartArray();
        foreach (var metric in metrics)
        {
            WriteMetric(writer, metric);
        }

        writer.WriteEndArray();
    }

    public void Read(JsonElement element)
    {
        if (element.ValueKind != JsonValueKind.Array)
        {
            throw new FormatException("'metrics' must be an array.");
        }

        foreach (var item in element.EnumerateArray())
        {
            ReadMetric(item);
        }
    }

    private static void WriteMetric(Utf8JsonWriter writer, Metric metric)
    {
        var metadata = metric.ReadMetadata();
        writer.WriteStartObject();
        writer.WriteString("name", metadata.Name);
        writer.WriteString("type", metadata.Type.ToApiName());
        writer.WriteOrNull("display_name", metadata.DisplayName);
        writer.WriteOrNull("description", metadata.Description);
        writer.WriteOrNull("period", metadata.Period);

        writer.WriteOrNull("composite", metadata.Composite);
        writer.WriteStartObject("attributes");
        foreach (var attribute in metadata.Attributes)
        {
            writer.WritePropertyName(attribute.Key);
            attribute.Value.WriteTo(writer);
        }

        writer.WriteEndObject();
        writer.WriteStartArray("sources");
        foreach (var series in metric.LegacySeries.Values)
        {
            writer.WriteStartObject();
            writer.WriteOrNull("source", series.Source);
            WritePoints(writer, series.All());
            writer.WriteEndObject();
        }

        writer.WriteEndArray();
        writer.WriteStartArray("tagged");
        foreach (var series in metric.TaggedSeries.Values)
        {
            writer.WriteStartObject();
            writer.WriteStartObject("tags");
            foreach (var pair in series.Tags!.Pairs)
            {
                writer.WriteString(pair.Key, pair.Value);
            }

            writer.WriteEndObject();
            WritePoints(writer, series.All());
            writer.WriteEndObject();
        }

        writer.WriteEndArray();
        writer.WriteEndObject();
    }

    private static void WritePoints(Utf8JsonWriter writer, Point[] points)
    {
        writer.WriteStartArray("points");
        foreach (var point in points)
        {
            writer.WriteStartArray();
            writer.WriteNumberValue(point.Time);
            writer.WriteNumberValue(point.Count);
            WriteDouble(writer, point.Sum);
            WriteDouble(writer, point.Min);
            WriteDouble(writer, point.Max);
            WriteDouble(writer, point.SumSquares);
            WriteDouble(writer, point.Last);
            writer.WriteEndArray();
        }

        writer.WriteEndArray();
    }

    // JSON has no infinity; a sum of squares of huge values can overflow to it, and must survive a restart too.
    private static void WriteDouble(Utf8JsonWriter writer, double value)
    {
        if (double.IsFinite(value))
        {
            writer.WriteNumberValue(value);
        }
        else
        {
            writer.WriteStringValue(value.ToString(CultureInfo.InvariantCulture));
        }
    }

    private void ReadMetric(JsonElement item)
    {
        string name = item.GetProperty("name").GetString() ?? throw new FormatException("A metric has no name.");
        if (!MetricTypeNames.TryParse(item.GetProperty("type").GetString(), out var type))
        {
            throw new FormatException($"The metric '{name}' has an unknown type.");
        }

        var attributes = new List<KeyValuePair<string, JsonElement>>();
        foreach (var attribute in item.GetProperty("attributes").EnumerateObject())
        {
            attributes.Add(new KeyValuePair<string, JsonElement>(attribute.Name, attribute.Value.Clone()));
        }

        var period = item.GetProperty("period");
        var creation = new MetricCreation(
            null,
            item.GetProperty("display_name").GetString(),
            item.GetProperty("description").GetString(),
            period.ValueKind == JsonValueKind.Null ? null : period.GetInt64(),
            item.GetProperty("composite").GetString(),
            attributes);
        if (!store.TryCreate(name, type, creation, out var metric))
        {
            throw new FormatException($"The metric '{name}' is saved more than once.");
        }

        foreach (var saved in item.GetProperty("sources").EnumerateArray())
        {
            string? source = saved.GetProperty("source").GetString();

            // Every source a series uses is listed, also when the file was saved before sources were.
            if (source is not null)
            {
                store.Sources.Touch(source);
            }

            ReadPoints(saved, metric.GetLegacySeries(source));
        }

        foreach (var saved in item.GetProperty("tagged").EnumerateArray())
        {
            var pairs = new List<KeyValuePair<string, string>>();
            foreach (var tag in saved.GetProperty("tags").EnumerateObject())
            {
                pairs.Add(new KeyValuePair<string, string>(tag.Name, tag.Value.GetString() ?? string.Empty));
            }

            ReadPoints(saved, metric.GetTaggedSeries(TagSet.FromNormalizedPairs(pairs)));
        }
    }

    private static void ReadPoints(JsonElement saved, Series series)
    {
        foreach (var point in saved.GetProperty("points").EnumerateArray())
        {
            if (point.GetArrayLength() != 7)
            {
                throw new FormatException("A saved point must have 7 fields.");
            }

            series.Upsert(new Point(
                point[0].GetInt64(),
                point[1].GetInt64(),
                ReadDouble(point[2]),
                ReadDouble(point[3]),
                ReadDouble(point[4]),
                ReadDouble(point[5]),
                ReadDouble(point[6])));
        }
    }

    private static double ReadDouble(JsonElement element) =>
        element.ValueKind == JsonValueKind.String
            ? double.Parse(element.GetString()!, NumberStyles.Float, CultureInfo.InvariantCulture)
            : element.GetDouble();
}
