using System.Text.Json;
using System.Threading.Tasks;
using Librato.Emulator.Composite;
using Librato.Emulator.Http;
using Librato.Emulator.Input;
using Librato.Emulator.Storage;
using Microsoft.AspNetCore.Http;

namespace Librato.Emulator.Reading;

/// <summary>
/// <c>GET /v1/metrics/:name</c>: the metric object, plus its legacy measurements by source when time or source
/// parameters are given.
/// </summary>
internal sealed class MetricShowEndpoint
{
    public Task HandleAsync(HttpContext context)
    {
        var metric = MetricRoute.Find(context, out var account, out _);
        if (metric is null)
        {
            return MetricRoute.NotFoundAsync(context);
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
            return JsonResponse.ResolutionUnavailableAsync(context);
        }

        if (request is null)
        {
            return JsonResponse.ParamErrorsAsync(context, errors);
        }

        if (metric.Type == MetricType.Composite)
        {
            return SavedCompositeRead.WriteLegacyAsync(context, account, metric, request);
        }

        return WriteMeasurementsAsync(context, metric, request);
    }

    private static Task WriteMeasurementsAsync(HttpContext context, Metric metric, LegacyReadRequest request)
    {
        var read = LegacyRead.Run(metric, request);
        var metadata = metric.ReadMetadata();
        return JsonResponse.WriteAsync(context, StatusCodes.Status200OK, writer =>
        {
            writer.WriteStartObject();
            MetricJson.WriteProperties(writer, metadata);
            writer.WriteNumber("resolution", request.Resolution);
            writer.WriteStartObject("measurements");
            foreach (var series in read.Series)
            {
                writer.WriteStartArray(series.Key);
                foreach (var record in series.Value)
                {
                    WriteRecord(writer, record);
                }

                writer.WriteEndArray();
            }

            writer.WriteEndObject();
            if (read.NextTime.HasValue)
            {
                writer.WriteStartObject("query");
                writer.WriteNumber("next_time", read.NextTime.Value);
                writer.WriteEndObject();
            }

            writer.WriteEndObject();
        });
    }

    private static void WriteRecord(Utf8JsonWriter writer, in LegacyRecord record)
    {
        writer.WriteStartObject();
        writer.WriteNumber("measure_time", record.Time);
        writer.WriteNumber("value", record.Value);
        writer.WriteNumber("count", record.Count);
        writer.WriteNumber("sum", record.Sum);
        writer.WriteNumber("min", record.Min);
        writer.WriteNumber("max", record.Max);
        writer.WriteNumber("sum_squares", record.SumSquares);
        if (record.Rollups is { } rollups)
        {
            writer.WriteNumber("rollups", rollups);
        }

        if (record.Summarized is { } summarized)
        {
            writer.WriteNumber("summarized", summarized);
        }

        writer.WriteEndObject();
    }
}
