using System.Collections.Generic;
using System.Text.Json;
using System.Threading.Tasks;
using Librato.Emulator.Composite;
using Librato.Emulator.Hosting;
using Librato.Emulator.Http;
using Librato.Emulator.Input;
using Librato.Emulator.Storage;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;

namespace Librato.Emulator.Reading;

/// <summary><c>GET /v1/measurements/:name</c>: tagged series, downsampled to the requested resolution.</summary>
internal sealed class TaggedReadEndpoint
{
    public Task HandleAsync(HttpContext context)
    {
        var api = context.Features.GetRequiredFeature<ApiRequest>();
        string name = (string)context.Request.RouteValues["name"]!;
        var metric = api.Account.Find(name);
        if (metric is null)
        {
            return JsonResponse.RequestErrorAsync(context, StatusCodes.Status404NotFound, ErrorMessages.MetricNotFound);
        }

        var errors = new ParamErrors();
        var request = TaggedReadRequest.Parse(context.Request.Query, Clock.NowSeconds(), errors);
        if (request is null)
        {
            return JsonResponse.ParamErrorsAsync(context, errors);
        }

        if (metric.Type == MetricType.Composite)
        {
            return SavedCompositeRead.WriteTaggedAsync(context, api.Account, metric, request);
        }

        var selected = new List<Series>();
        foreach (var series in metric.TaggedSeries.Values)
        {
            if (request.Filter.Matches(series.Tags!))
            {
                selected.Add(series);
            }
        }

        selected.Sort(static (a, b) => a.Tags!.CompareTo(b.Tags));
        var pointsBySeries = new List<Point[]>(selected.Count);
        foreach (var series in selected)
        {
            pointsBySeries.Add(Rollup.Apply(series.Range(request.Start, request.End), request.Resolution));
        }

        long? nextStart = Truncation.Apply(pointsBySeries);
        string? next = nextStart.HasValue
            ? ContinuationLink.Build(name, context.Request.QueryString.Value, nextStart.Value, request.End)
            : null;
        return JsonResponse.WriteAsync(context, StatusCodes.Status200OK, writer =>
        {
            writer.WriteStartObject();
            writer.WriteString("name", metric.Name);
            writer.WriteNumber("resolution", request.Resolution);
            writer.WriteStartArray("series");
            for (int i = 0; i < selected.Count; i++)
            {
                if (pointsBySeries[i].Length > 0)
                {
                    WriteSeries(writer, selected[i].Tags!, pointsBySeries[i], request.Function);
                }
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

    private static void WriteSeries(Utf8JsonWriter writer, TagSet tags, Point[] points, SummaryFunction function)
    {
        writer.WriteStartObject();
        writer.WriteStartObject("tags");
        foreach (var pair in tags.Pairs)
        {
            writer.WriteString(pair.Key, pair.Value);
        }

        writer.WriteEndObject();
        writer.WriteStartArray("measurements");
        foreach (var point in points)
        {
            writer.WriteStartObject();
            writer.WriteNumber("time", point.Time);
            switch (function)
            {
                case SummaryFunction.Sum:
                    writer.WriteNumber("value", point.Sum);
                    break;
                case SummaryFunction.Min:
                    writer.WriteNumber("value", point.Min);
                    break;
                case SummaryFunction.Max:
                    writer.WriteNumber("value", point.Max);
                    break;
                case SummaryFunction.Count:
                    writer.WriteNumber("value", point.Count);
                    break;
                case SummaryFunction.All:
                    writer.WriteNumber("value", point.Value);
                    writer.WriteNumber("count", point.Count);
                    writer.WriteNumber("sum", point.Sum);
                    writer.WriteNumber("min", point.Min);
                    writer.WriteNumber("max", point.Max);
                    writer.WriteNumber("last", point.Last);
                    break;
                default:
                    writer.WriteNumber("value", point.Value);
                    break;
            }

            writer.WriteEndObject();
        }

        writer.WriteEndArray();
        writer.WriteEndObject();
    }
}
