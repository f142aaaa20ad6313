using System;
using System.Collections.Generic;
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
        var body = api.Body.Span;
        using var parsed = new TaggedBody();
        if (!TaggedBody.TryRead(body, parsed) || parsed.MeasurementsKind != System.Text.Json.JsonValueKind.Array)
        {
            return JsonResponse.RequestErrorAsync(context, StatusCodes.Status400BadRequest, ErrorMessages.SubmissionUnparseable);
        }

        var measurements = parsed.Measurements;
        for (int i = 0; i < measurements.Count; i++)
        {
            if (MeasurementValues.FindTooLarge(body, measurements[i], SummaryKind.Tagged) is { } field)
            {
                return JsonResponse.ParamErrorAsync(context, field, ErrorMessages.TooLarge);
            }
        }

        var defaults = TaggedDefaults.Read(body, parsed.Root, window);
        if (options.AppOptics && AppOpticsSubmission.Refusal(body, measurements, defaults) is { } refusal)
        {
            return JsonResponse.ParamErrorAsync(context, refusal.Param, refusal.Message);
        }

        var metrics = new MetricResolver(api.Account);
        var tags = new TagResolver();
        string userAgent = context.Request.Headers.UserAgent.ToString();
        List<TaggedFailure>? failures = null;
        int accepted = 0;
        for (int i = 0; i < measurements.Count; i++)
        {
            ref var measurement = ref measurements[i];
            if (!TaggedMeasurementParser.TryParse(body, measurement, defaults, window, metrics, tags, out var item, out var failure))
            {
                (failures ??= new List<TaggedFailure>()).Add(failure);
            }
            else if (item.Metric.Metric is { Type: not MetricType.Gauge } existing)
            {
                string name = measurement[MeasurementField.Name].GetString(body)!;
                (failures ??= new List<TaggedFailure>()).Add(
                    TaggedMeasurementParser.Fail(body, measurement, TypeConflict.Param, TypeConflict.Message(name, existing.Type)));
            }
            else
            {
                Store(body, api.Account, item, userAgent);
                accepted++;
            }
        }

        return WriteSummaryAsync(context, measurements.Count, accepted, failures);
    }

    private static void Store(ReadOnlySpan<byte> body, AccountStore account, in TaggedItem item, string userAgent)
    {
        var entry = item.Metric;
        while (true)
        {
            var metric = entry.Metric ??= account.Find(entry.Name) ?? account.GetOrCreate(entry.Name, MetricType.Gauge,
                new MetricCreation(
                    userAgent.Length == 0 ? null : userAgent,
                    null,
                    null,
                    item.Period,
                    null,
                    JsonBody.CopyObject(body, item.Attributes)));
            var series = entry.CachedSeries(item.Tags);
            if (series is null)
            {
                series = metric.GetTaggedSeries(item.Tags);
                entry.Cache(item.Tags, series);
            }

            series.Upsert(item.Point);

            // A delete that raced with this request: store the point again into the recreated metric.
            if (!metric.IsDeleted)
            {
                return;
            }

            entry.Forget();
        }
    }

    private static Task WriteSummaryAsync(HttpContext context, int total, int accepted, List<TaggedFailure>? failures) =>
        JsonResponse.WriteAsync(context, StatusCodes.Status202Accepted, writer =>
        {
            writer.WriteStartObject();
            writer.WriteStartObject("measurements");
            writer.WriteStartObject("summary");
            writer.WriteNumber("total", total);
            writer.WriteNumber("accepted", accepted);
            writer.WriteNumber("failed", failures?.Count ?? 0);
            writer.WriteNumber("filtered", 0);
            writer.WriteEndObject();
            writer.WriteEndObject();
            if (failures is not null)
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
