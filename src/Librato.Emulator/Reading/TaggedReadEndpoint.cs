using System.Collections.Generic;
using System.Text.Json;
using System.Threading.Tasks;
using Librato.Emulator.Composite;
using Librato.Emulator.Http;
using Librato.Emulator.Input;
using Librato.Emulator.Storage;
using Microsoft.AspNetCore.Http;

namespace Librato.Emulator.Reading;

/// <summary><c>GET /v1/measurements/:name</c>: tagged series, downsampled to the requested resolution.</summary>
internal sealed class TaggedReadEndpoint
{
    public Task HandleAsync(HttpContext context)
    {
        var metric = MetricRoute.Find(context, out var account, out var name);
        if (metric is null)
        {
            return MetricRoute.NotFoundAsync(context);
        }

        var errors = new ParamErrors();
        var request = TaggedReadRequest.Parse(context.Request.Query, Clock.NowSeconds(), errors);
        if (request is null)
        {
            return JsonResponse.ParamErrorsAsync(context, errors);
        }

        if (metric.Type == MetricType.Composite)
        {
            return SavedCompositeRead.WriteTaggedAsync(context, account, metric, request);
        }

        var read = TaggedRead.Run(metric, request);
        string? next = read.NextStart.HasValue
            ? ContinuationLink.Build(name, context.Request.QueryString.Value, read.NextStart.Value, request.End)
            : null;
        return JsonResponse.WriteAsync(context, StatusCodes.Status200OK, writer =>
        {
            writer.WriteStartObject();
            writer.WriteString("name", metric.Name);
            writer.WriteNumber("resolution", request.Resolution);
            writer.WriteStartArray("series");
            foreach (var series in read.Series)
            {
                WriteSeries(writer, series.Key, series.Value, read.Function);
            }

            writer.WriteEndArray();
            writer.WriteStartArray("links");
            if (next is not null)
            {
                writer.WriteStartObject();
                writer.WriteString("rel", "next");
                writer.WriteString("href", next);
                writer.WriteEndObject();
            }

            writer.WriteEndArray();
            writer.WriteEndObject();
        });
    }

    private static void WriteSeries(
        Utf8JsonWriter writer, IReadOnlyList<KeyValuePair<string, string>> tags, TaggedValue[] values, SummaryFunction function)
    {
        writer.WriteStartObject();
        writer.WriteStartObject("tags");
        foreach (var pair in tags)
        {
            writer.WriteString(pair.Key, pair.Value);
        }

        writer.WriteEndObject();
        writer.WriteStartArray("measurements");
        foreach (var value in values)
        {
            writer.WriteStartObject();
            writer.WriteNumber("time", value.Time);
            writer.WriteNumber("value", value.Value);
            if (function == SummaryFunction.All)
            {
                var point = value.Point;
                writer.WriteNumber("count", point.Count);
                writer.WriteNumber("sum", point.Sum);
                writer.WriteNumber("min", point.Min);
                writer.WriteNumber("max", point.Max);
                writer.WriteNumber("last", point.Last);
            }

            writer.WriteEndObject();
        }

        writer.WriteEndArray();
        writer.WriteEndObject();
    }
}
