using System;
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

/// <summary>
/// <c>GET /v1/metrics/:name</c>: the metric object, plus its legacy measurements by source when time or source
/// parameters are given.
/// </summary>
internal sealed class MetricShowEndpoint
{
    private const string Unassigned = "unassigned";

    public Task HandleAsync(HttpContext context)
    {
        var api = context.Features.GetRequiredFeature<ApiRequest>();
        string name = (string)context.Request.RouteValues["name"]!;
        var metric = api.Account.Find(name);
        if (metric is null)
        {
            return JsonResponse.RequestErrorAsync(context, StatusCodes.Status404NotFound, ErrorMessages.MetricNotFound);
        }

        var query = context.Request.Query;
        if (!LegacyReadRequest.IsRequested(query))
        {
            var metadata = metric.ReadMetadata();
            return JsonResponse.WriteAsync(context, StatusCodes.Status200OK, writer => MetricJson.Write(writer, metadata));
        }

        var errors = new ParamErrors();
        var request = LegacyReadRequest.Parse(query, Clock.NowSeconds(), errors, out bool resolutionUnavailable);
        if (resolutionUnavailable)
        {
            return WriteResolutionUnavailableAsync(context);
        }

        if (request is null)
        {
            return JsonResponse.ParamErrorsAsync(context, errors);
        }

        if (metric.Type == MetricType.Composite)
        {
            return SavedCompositeRead.WriteLegacyAsync(context, api.Account, metric, request);
        }

        return WriteMeasurementsAsync(context, metric, request);
    }

    private static Task WriteMeasurementsAsync(HttpContext context, Metric metric, LegacyReadRequest request)
    {
        var selected = new List<Series>();
        foreach (var series in metric.LegacySeries.Values)
        {
            if (request.Selects(series.Source))
            {
                selected.Add(series);
            }
        }

        selected.Sort(static (a, b) => StringComparer.OrdinalIgnoreCase.Compare(a.Source ?? Unassigned, b.Source ?? Unassigned));
        var pointsBySeries = new List<Point[]>(selected.Count);
        foreach (var series in selected)
        {
            var points = Rollup.Apply(series.Range(request.Start ?? long.MinValue, request.End), request.Resolution);
            pointsBySeries.Add(request.Count is { } count ? TakeCount(points, count, fromStart: request.Start.HasValue) : points);
        }

        long? nextTime = request.Count.HasValue ? null : Truncation.Apply(pointsBySeries);
        var metadata = metric.ReadMetadata();
        return JsonResponse.WriteAsync(context, StatusCodes.Status200OK, writer =>
        {
            writer.WriteStartObject();
            MetricJson.WriteProperties(writer, metadata);
            writer.WriteNumber("resolution", request.Resolution);
            writer.WriteStartObject("measurements");
            for (int i = 0; i < selected.Count; i++)
            {
                if (pointsBySeries[i].Length == 0)
                {
                    continue;
                }

                writer.WriteStartArray(selected[i].Source ?? Unassigned);
                foreach (var point in pointsBySeries[i])
                {
                    WritePoint(writer, point);
                }

                writer.WriteEndArray();
            }

            writer.WriteEndObject();
            if (nextTime.HasValue)
            {
                writer.WriteStartObject("query");
                writer.WriteNumber("next_time", nextTime.Value);
                writer.WriteEndObject();
            }

            writer.WriteEndObject();
        });
    }

    private static Point[] TakeCount(Point[] points, long count, bool fromStart)
    {
        if (points.Length <= count)
        {
            return points;
        }

        int take = (int)count;
        return fromStart ? points.AsSpan(0, take).ToArray() : points.AsSpan(points.Length - take, take).ToArray();
    }

    private static void WritePoint(Utf8JsonWriter writer, in Point point)
    {
        writer.WriteStartObject();
        writer.WriteNumber("measure_time", point.Time);
        writer.WriteNumber("value", point.Value);
        writer.WriteNumber("count", point.Count);
        writer.WriteNumber("sum", point.Sum);
        writer.WriteNumber("min", point.Min);
        writer.WriteNumber("max", point.Max);
        writer.WriteNumber("sum_squares", point.SumSquares);
        writer.WriteEndObject();
    }

    /// <summary>This one error carries a bare string under <c>request</c>, unlike every other error body.</summary>
    private static Task WriteResolutionUnavailableAsync(HttpContext context) =>
        JsonResponse.WriteAsync(context, StatusCodes.Status400BadRequest, writer =>
        {
            writer.WriteStartObject();
            writer.WriteStartObject("errors");
            writer.WriteString("request", ErrorMessages.ResolutionUnavailable);
            writer.WriteEndObject();
            writer.WriteEndObject();
        });
}
