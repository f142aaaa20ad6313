using System;
using System.Collections.Generic;
using System.Text;
using System.Text.Json;
using System.Threading.Tasks;
using Librato.Emulator.Http;
using Librato.Emulator.Reading;
using Librato.Emulator.Storage;
using Microsoft.AspNetCore.Http;

namespace Librato.Emulator.Composite;

/// <summary>Writes evaluated composite series in the legacy and tagged response shapes.</summary>
internal static class CompositeJson
{
    private const string Unassigned = "unassigned";

    /// <summary>
    /// The source name a series is listed under in legacy shapes: its source, <c>unassigned</c> for points sent
    /// without one, and for tagged series their tag pairs as <c>name=value</c> joined by commas (<c>all</c> when a
    /// combination left no shared tag).
    /// </summary>
    public static string SourceName(ResultSeries series)
    {
        if (!series.IsTagged)
        {
            return series.Source ?? Unassigned;
        }

        if (series.Tags!.Count == 0)
        {
            return ResultSeries.CombinedSource;
        }

        var builder = new StringBuilder();
        foreach (var pair in series.Tags.Pairs)
        {
            builder.Append(builder.Length == 0 ? string.Empty : ",").Append(pair.Key).Append('=').Append(pair.Value);
        }

        return builder.ToString();
    }

    /// <summary>The tags a series is listed with in tagged shapes; a legacy series shows its source as a tag.</summary>
    public static IReadOnlyList<KeyValuePair<string, string>> TagPairs(ResultSeries series)
    {
        if (series.IsTagged)
        {
            return series.Tags!.Pairs;
        }

        return series.Source is null
            ? Array.Empty<KeyValuePair<string, string>>()
            : new[] { new KeyValuePair<string, string>("source", series.Source) };
    }

    /// <summary><c>{"compose","resolution","measurements":[{metric,period,query,series,source}]}</c></summary>
    public static void WriteLegacyResponse(Utf8JsonWriter writer, ComposeRequest request, List<ResultSeries> results)
    {
        writer.WriteStartObject();
        writer.WriteString("compose", request.Compose);
        writer.WriteNumber("resolution", request.Resolution);
        writer.WriteStartArray("measurements");
        foreach (var series in results)
        {
            writer.WriteStartObject();
            writer.WritePropertyName("metric");
            MetricJson.Write(writer, series.Metric);
            writer.WriteNumber("period", series.Period);
            WriteQuery(writer, series.Query);
            writer.WriteStartArray("series");
            WritePoints(writer, series.Samples, "measure_time");
            writer.WriteEndArray();
            writer.WriteStartObject("source");
            writer.WriteString("name", SourceName(series));
            writer.WriteNull("display_name");
            writer.WriteEndObject();
            writer.WriteEndObject();
        }

        writer.WriteEndArray();
        writer.WriteEndObject();
    }

    /// <summary><c>{"compose","resolution","series":[{tags,measurements,metric,period}],"links":[]}</c></summary>
    public static void WriteTaggedResponse(Utf8JsonWriter writer, ComposeRequest request, List<ResultSeries> results)
    {
        writer.WriteStartObject();
        writer.WriteString("compose", request.Compose);
        writer.WriteNumber("resolution", request.Resolution);
        writer.WriteStartArray("series");
        foreach (var series in results)
        {
            writer.WriteStartObject();
            WriteTags(writer, TagPairs(series));
            writer.WriteStartArray("measurements");
            WritePoints(writer, series.Samples, "time");
            writer.WriteEndArray();
            writer.WriteStartObject("metric");
            writer.WriteString("name", series.Metric.Name);
            writer.WriteString("type", series.Metric.Type.ToApiName());
            writer.WriteStartObject("attributes");
            foreach (var attribute in series.Metric.Attributes)
            {
                writer.WritePropertyName(attribute.Key);
                attribute.Value.WriteTo(writer);
            }

            writer.WriteEndObject();
            if (series.Metric.Period is { } period)
            {
                writer.WriteNumber("period", period);
            }
            else
            {
                writer.WriteNull("period");
            }

            writer.WriteEndObject();
            writer.WriteNumber("period", series.Period);
            writer.WriteEndObject();
        }

        writer.WriteEndArray();
        writer.WriteStartArray("links");
        writer.WriteEndArray();
        writer.WriteEndObject();
    }

    public static void WriteTags(Utf8JsonWriter writer, IReadOnlyList<KeyValuePair<string, string>> pairs)
    {
        writer.WriteStartObject("tags");
        foreach (var pair in pairs)
        {
            writer.WriteString(pair.Key, pair.Value);
        }

        writer.WriteEndObject();
    }

    /// <summary>
    /// Writes <c>{timeName, value}</c> objects into an open array. A value that overflowed to infinity has no JSON
    /// form, so such points are left out.
    /// </summary>
    public static void WritePoints(Utf8JsonWriter writer, Sample[] samples, string timeName)
    {
        foreach (var sample in samples)
        {
            if (!double.IsFinite(sample.Value))
            {
                continue;
            }

            writer.WriteStartObject();
            writer.WriteNumber(timeName, sample.Time);
            writer.WriteNumber("value", sample.Value);
            writer.WriteEndObject();
        }
    }

    private static void WriteQuery(Utf8JsonWriter writer, SeriesQuery query)
    {
        writer.WriteStartObject("query");
        writer.WriteString("metric", query.Metric);
        if (query.Tags is null)
        {
            writer.WriteString("source", query.Source);
        }
        else
        {
            WriteTags(writer, query.Tags);
        }

        writer.WriteEndObject();
    }
}
