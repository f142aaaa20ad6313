using System.Collections.Generic;
using System.Text.Json;
using System.Threading.Tasks;
using Librato.Emulator.Hosting;
using Librato.Emulator.Http;
using Librato.Emulator.Input;
using Librato.Emulator.Storage;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;

namespace Librato.Emulator.Submission;

/// <summary>
/// <c>POST /v1/measurements</c>: tagged measurements. Valid ones are stored even when others in the same
/// request are rejected; the 202 body says which.
/// </summary>
internal sealed class TaggedSubmitEndpoint
{
    private readonly EmulatorOptions options;

    public TaggedSubmitEndpoint(EmulatorOptions options)
    {
        this.options = options;
    }

    public Task HandleAsync(HttpContext context)
    {
        if (!ContentTypes.IsJson(context.Request.ContentType))
        {
            return JsonResponse.RequestErrorAsync(context, StatusCodes.Status415UnsupportedMediaType, ErrorMessages.NotJson);
        }

        var api = context.Features.GetRequiredFeature<ApiRequest>();
        var window = new TimeWindow(Clock.NowSeconds(), options.MaxPastSeconds, options.MaxFutureSeconds);
        if (!JsonBody.TryParseObject(api.Body, out var document))
        {
            return JsonResponse.RequestErrorAsync(context, StatusCodes.Status400BadRequest, ErrorMessages.SubmissionUnparseable);
        }

        using (document)
        {
            var root = document.RootElement;
            if (!root.TryGetProperty("measurements", out var items) || items.ValueKind != JsonValueKind.Array)
            {
                return JsonResponse.RequestErrorAsync(context, StatusCodes.Status400BadRequest, ErrorMessages.SubmissionUnparseable);
            }

            foreach (var item in items.EnumerateArray())
            {
                if (item.ValueKind == JsonValueKind.Object &&
                    MeasurementValues.FindTooLarge(item, SummaryKind.Tagged) is { } field)
                {
                    return JsonResponse.ParamErrorAsync(context, field, ErrorMessages.TooLarge);
                }
            }

            var defaults = TaggedDefaults.Read(root, window);
            var accepted = new List<TaggedMeasurement>(items.GetArrayLength());
            var failures = new List<TaggedFailure>();
            int index = 0;
            foreach (var item in items.EnumerateArray())
            {
                if (!TaggedMeasurementParser.TryParse(item, index, defaults, window, out var measurement, out var failure))
                {
                    failures.Add(failure);
                }
                else if (api.Account.Find(measurement.Name) is { Type: not MetricType.Gauge } existing)
                {
                    failures.Add(new TaggedFailure(index, measurement.Name, TypeConflict.Param,
                        TypeConflict.Message(measurement.Name, existing.Type)));
                }
                else
                {
                    accepted.Add(measurement);
                }

                index++;
            }

            Store(api.Account, accepted, context.Request.Headers.UserAgent.ToString());
            return WriteSummaryAsync(context, index, accepted.Count, failures);
        }
    }

    private static void Store(AccountStore account, List<TaggedMeasurement> measurements, string userAgent)
    {
        foreach (var measurement in measurements)
        {
            var metric = account.Find(measurement.Name) ?? account.GetOrCreate(measurement.Name, MetricType.Gauge,
                new MetricCreation(
                    userAgent.Length == 0 ? null : userAgent,
                    null,
                    null,
                    measurement.Period,
                    null,
                    JsonBody.CopyObject(measurement.Attributes)));
            metric.GetTaggedSeries(measurement.Tags).Upsert(measurement.Point);
        }
    }

    private static Task WriteSummaryAsync(HttpContext context, int total, int accepted, List<TaggedFailure> failures) =>
        JsonResponse.WriteAsync(context, StatusCodes.Status202Accepted, writer =>
        {
            writer.WriteStartObject();
            writer.WriteStartObject("measurements");
            writer.WriteStartObject("summary");
            writer.WriteNumber("total", total);
            writer.WriteNumber("accepted", accepted);
            writer.WriteNumber("failed", failures.Count);
            writer.WriteNumber("filtered", 0);
            writer.WriteEndObject();
            writer.WriteEndObject();
            if (failures.Count > 0)
            {
                writer.WriteStartArray("errors");
                foreach (var failure in failures)
                {
                    writer.WriteStartObject();
                    writer.WriteNumber("index", failure.Index);
                    if (failure.Name is null)
                    {
                        writer.WriteNull("name");
                    }
                    else
                    {
                        writer.WriteString("name", failure.Name);
                    }

                    writer.WriteString("param", failure.Param);
                    writer.WriteString("reason", failure.Reason);
                    writer.WriteEndObject();
                }

                writer.WriteEndArray();
            }

            writer.WriteEndObject();
        });
}
