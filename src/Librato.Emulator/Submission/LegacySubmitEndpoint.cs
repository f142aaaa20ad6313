using System;
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
/// <c>POST /v1/metrics</c>: legacy gauges and counters. All or nothing: one invalid entry rejects the request.
/// </summary>
internal sealed class LegacySubmitEndpoint
{
    private readonly EmulatorOptions options;

    public LegacySubmitEndpoint(EmulatorOptions options)
    {
        this.options = options;
    }

    public Task HandleAsync(HttpContext context)
    {
        var api = context.Features.GetRequiredFeature<ApiRequest>();
        var window = new TimeWindow(Clock.NowSeconds(), options.MaxPastSeconds, options.MaxFutureSeconds);
        if (!JsonBody.TryParseObject(api.Body, out var document))
        {
            return JsonResponse.RequestErrorAsync(context, StatusCodes.Status400BadRequest, ErrorMessages.SubmissionUnparseable);
        }

        using (document)
        {
            var root = document.RootElement;
            var entries = new List<LegacyEntry>();
            if (!LegacyEntryCollector.TryCollect(root, "gauges", MetricType.Gauge, entries) ||
                !LegacyEntryCollector.TryCollect(root, "counters", MetricType.Counter, entries))
            {
                return JsonResponse.RequestErrorAsync(context, StatusCodes.Status400BadRequest, ErrorMessages.SubmissionUnparseable);
            }

            foreach (var entry in entries)
            {
                if (entry.Element.ValueKind == JsonValueKind.Object &&
                    MeasurementValues.FindTooLarge(entry.Element, SummaryKind.Legacy) is { } field)
                {
                    return JsonResponse.ParamErrorAsync(context, field, ErrorMessages.TooLarge, window.Now);
                }
            }

            var errors = new ParamErrors();
            var defaults = LegacyDefaults.Read(root, window, errors);
            if (entries.Count == 0)
            {
                errors.Add("gauges", "at least one gauge or counter is required");
            }

            var measurements = new List<LegacyMeasurement>(entries.Count);
            foreach (var entry in entries)
            {
                if (LegacyEntryParser.TryParse(entry, defaults, window, out var measurement, out var problem))
                {
                    measurements.Add(measurement);
                }
                else
                {
                    errors.Add(problem.Field, problem.Message);
                }
            }

            if (!errors.Any)
            {
                AddTypeConflicts(api.Account, measurements, errors);
            }

            if (errors.Any)
            {
                return JsonResponse.ParamErrorsAsync(context, errors, window.Now);
            }

            Store(api.Account, measurements, context.Request.Headers.UserAgent.ToString());
        }

        context.Response.StatusCode = StatusCodes.Status200OK;
        context.Response.ContentLength = 0;
        return Task.CompletedTask;
    }

    /// <summary>A name must keep one type: across requests, and between gauges and counters of the same request.</summary>
    private static void AddTypeConflicts(AccountStore account, List<LegacyMeasurement> measurements, ParamErrors errors)
    {
        var typeByName = new Dictionary<string, MetricType>(StringComparer.OrdinalIgnoreCase);
        var reported = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        foreach (var measurement in measurements)
        {
            MetricType? existing = account.Find(measurement.Name)?.Type;
            if (existing is null && typeByName.TryGetValue(measurement.Name, out var earlier))
            {
                existing = earlier;
            }

            if (existing is null)
            {
                typeByName[measurement.Name] = measurement.Type;
            }
            else if (existing.Value != measurement.Type && reported.Add(measurement.Name))
            {
                errors.Add(TypeConflict.Param, TypeConflict.Message(measurement.Name, existing.Value));
            }
        }
    }

    private static void Store(AccountStore account, List<LegacyMeasurement> measurements, string userAgent)
    {
        foreach (var measurement in measurements)
        {
            var metric = account.Find(measurement.Name) ?? account.GetOrCreate(measurement.Name, measurement.Type,
                new MetricCreation(
                    userAgent.Length == 0 ? null : userAgent,
                    measurement.DisplayName,
                    measurement.Description,
                    measurement.Period,
                    null,
                    JsonBody.CopyObject(measurement.Attributes)));
            metric.GetLegacySeries(measurement.Source).Upsert(measurement.Point);
        }
    }
}
