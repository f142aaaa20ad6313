using System;
using System.Collections.Generic;
using System.Threading.Tasks;
using Librato.Emulator.Http;
using Librato.Emulator.Reading;
using Librato.Emulator.Storage;
using Microsoft.AspNetCore.Http;

namespace Librato.Emulator.Composite;

/// <summary>
/// Reads of a saved composite metric through the ordinary metric routes: its definition is evaluated over the
/// requested window and the result is written in the shape of a plain read of that route, so a client reading a
/// metric need not know that it is a composite.
/// </summary>
internal static class SavedCompositeRead
{
    /// <summary>
    /// <c>GET /v1/metrics/:name</c> with time parameters: the metric object, <c>resolution</c>, and
    /// <c>measurements</c> keyed by source name with <c>{measure_time, value}</c> points.
    /// </summary>
    public static Task WriteLegacyAsync(HttpContext context, AccountStore account, Metric metric, LegacyReadRequest request)
    {
        if (request.Start is not { } start)
        {
            return JsonResponse.ParamErrorAsync(context, "start_time", "is required to read a composite metric");
        }

        var metadata = metric.ReadMetadata();
        if (!TryEvaluate(context, account, metadata, start, request.End, request.Resolution, out var results, out var failure))
        {
            return failure;
        }

        var keyed = new List<KeyValuePair<string, Sample[]>>();
        var used = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        foreach (var series in results)
        {
            string name = CompositeJson.SourceName(series);
            if (series.Samples.Length == 0 || !request.Selects(series.IsTagged || series.Source is not null ? name : null))
            {
                continue;
            }

            // Sources key an object, so a second series under the same name gets a numbered key instead of replacing the first.
            string key = name;
            for (int n = 2; !used.Add(key); n++)
            {
                key = $"{name}#{n}";
            }

            keyed.Add(new KeyValuePair<string, Sample[]>(key, series.Samples));
        }

        return JsonResponse.WriteAsync(context, StatusCodes.Status200OK, writer =>
        {
            writer.WriteStartObject();
            MetricJson.WriteProperties(writer, metadata);
            writer.WriteNumber("resolution", request.Resolution);
            writer.WriteStartObject("measurements");
            foreach (var entry in keyed)
            {
                writer.WriteStartArray(entry.Key);
                CompositeJson.WritePoints(writer, entry.Value, "measure_time");
                writer.WriteEndArray();
            }

            writer.WriteEndObject();
            writer.WriteEndObject();
        });
    }

    /// <summary>
    /// <c>GET /v1/measurements/:name</c>: <c>{"name","resolution","series":[{tags,measurements}],"links":[]}</c>, the
    /// series filtered by the request's tag filters or <c>tags_search</c>.
    /// </summary>
    public static Task WriteTaggedAsync(HttpContext context, AccountStore account, Metric metric, TaggedReadRequest request)
    {
        var metadata = metric.ReadMetadata();
        if (!TryEvaluate(context, account, metadata, request.Start, request.End, request.Resolution, out var results, out var failure))
        {
            return failure;
        }

        var selected = new List<ResultSeries>();
        foreach (var series in results)
        {
            var pairs = new List<KeyValuePair<string, string>>(CompositeJson.TagPairs(series));
            if (series.Samples.Length > 0 && request.Selects(TagSet.FromNormalizedPairs(pairs)))
            {
                selected.Add(series);
            }
        }

        return JsonResponse.WriteAsync(context, StatusCodes.Status200OK, writer =>
        {
            writer.WriteStartObject();
            writer.WriteString("name", metadata.Name);
            writer.WriteNumber("resolution", request.Resolution);
            writer.WriteStartArray("series");
            foreach (var series in selected)
            {
                writer.WriteStartObject();
                CompositeJson.WriteTags(writer, CompositeJson.TagPairs(series));
                writer.WriteStartArray("measurements");
                CompositeJson.WritePoints(writer, series.Samples, "time");
                writer.WriteEndArray();
                writer.WriteEndObject();
            }

            writer.WriteEndArray();
            writer.WriteStartArray("links");
            writer.WriteEndArray();
            writer.WriteEndObject();
        });
    }

    private static bool TryEvaluate(
        HttpContext context, AccountStore account, MetricMetadata metadata, long start, long end, long resolution,
        out List<ResultSeries> results, out Task failure)
    {
        results = new List<ResultSeries>();
        failure = Task.CompletedTask;
        try
        {
            results = CompositeDefinition.Compile(metadata.Composite ?? string.Empty).Evaluate(account, start, end, resolution);
            return true;
        }
        catch (CompositeException exception)
        {
            failure = JsonResponse.ParamErrorAsync(context, "composite", exception.Message);
            return false;
        }
    }
}
