using System;
using System.Collections.Generic;
using System.Runtime.InteropServices;
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
    /// <summary>The series key of points without a source.</summary>
    private static readonly object NoSource = new();

    private readonly EmulatorOptions options;

    public LegacySubmitEndpoint(EmulatorOptions options)
    {
        this.options = options;
    }

    public Task HandleAsync(HttpContext context)
    {
        var api = context.Features.GetRequiredFeature<ApiRequest>();
        var window = new TimeWindow(Clock.NowSeconds(), options.MaxPastSeconds, options.MaxFutureSeconds);
        var body = api.Body.Span;
        using var parsed = new LegacyBody();
        if (!LegacyBody.TryRead(body, parsed) || parsed.HasInvalidCollection)
        {
            return JsonResponse.RequestErrorAsync(context, StatusCodes.Status400BadRequest, ErrorMessages.SubmissionUnparseable);
        }

        foreach (var entries in new[] { parsed.Gauges, parsed.Counters })
        {
            for (int i = 0; i < entries.Count; i++)
            {
                if (MeasurementValues.FindTooLarge(body, entries[i], SummaryKind.Legacy) is { } field)
                {
                    return JsonResponse.ParamErrorAsync(context, field, ErrorMessages.TooLarge, window.Now);
                }
            }
        }

        var errors = new ParamErrors();
        var defaults = LegacyDefaults.Read(body, parsed.Root, window, errors);
        int total = parsed.Gauges.Count + parsed.Counters.Count;
        if (total == 0)
        {
            errors.Add("gauges", "at least one gauge or counter is required");
        }

        var metrics = new MetricResolver(api.Account);
        var sources = new SourceResolver();
        using var items = new PooledList<LegacyItem>(total);
        Validate(body, parsed.Gauges, MetricType.Gauge, defaults, window, metrics, sources, items, errors);
        Validate(body, parsed.Counters, MetricType.Counter, defaults, window, metrics, sources, items, errors);
        if (!errors.Any)
        {
            AddTypeConflicts(body, parsed, items, errors);
        }

        if (errors.Any)
        {
            return JsonResponse.ParamErrorsAsync(context, errors, window.Now);
        }

        Store(body, api.Account, parsed, defaults, items, context.Request.Headers.UserAgent.ToString());
        context.Response.StatusCode = StatusCodes.Status200OK;
        context.Response.ContentLength = 0;
        return Task.CompletedTask;
    }

    private static void Validate(
        ReadOnlySpan<byte> body,
        PooledList<RawMeasurement> entries,
        MetricType type,
        LegacyDefaults defaults,
        TimeWindow window,
        MetricResolver metrics,
        SourceResolver sources,
        PooledList<LegacyItem> items,
        ParamErrors errors)
    {
        for (int i = 0; i < entries.Count; i++)
        {
            if (LegacyEntryParser.TryParse(body, entries[i], type, defaults, window, metrics, sources, out var item, out var problem))
            {
                items.Add() = item;
            }
            else
            {
                errors.Add(problem.Field, problem.Message);
            }
        }
    }

    /// <summary>A name must keep one type: across requests, and between gauges and counters of the same request.</summary>
    private static void AddTypeConflicts(ReadOnlySpan<byte> body, LegacyBody parsed, PooledList<LegacyItem> items, ParamErrors errors)
    {
        for (int i = 0; i < items.Count; i++)
        {
            var item = items[i];
            var entry = item.Metric;
            MetricType? existing = entry.Metric?.Type ?? entry.RequestType;
            if (existing is null)
            {
                entry.RequestType = item.Type;
            }
            else if (existing.Value != item.Type && !entry.ConflictReported)
            {
                entry.ConflictReported = true;
                string name = LegacyEntryParser.NameOf(body, RecordOf(parsed, item))!;
                errors.Add(TypeConflict.Param, TypeConflict.Message(name, existing.Value));
            }
        }
    }

    private static void Store(
        ReadOnlySpan<byte> body, AccountStore account, LegacyBody parsed, LegacyDefaults defaults, PooledList<LegacyItem> items, string userAgent)
    {
        List<string>? newSources = null;
        int first = 0;
        while (first < items.Count)
        {
            var entry = items[first].Metric;
            var metric = entry.Metric ??= account.Find(entry.Name) ??
                account.GetOrCreate(entry.Name, items[first].Type, Creation(body, RecordOf(parsed, items[first]), items[first], defaults, userAgent));

            // The run of items naming this metric looks up its series under one hold of the metric's series, taken
            // at the first item whose series is not the one its metric used last (the cache needs no lock).
            int end = first;
            bool held = false;
            newSources?.Clear();
            try
            {
                for (; end < items.Count && ReferenceEquals(items[end].Metric, entry); end++)
                {
                    ref var item = ref items[end];
                    object key = (object?)item.Source ?? NoSource;
                    var series = entry.CachedSeries(key);
                    if (series is null)
                    {
                        if (!held)
                        {
                            metric.LegacySeries.Enter();
                            held = true;
                        }

                        series = metric.GetLegacySeriesHeld(item.Source, out bool created);
                        entry.Cache(key, series);

                        // Only a new series can bring a new source.
                        if (created && item.Source is not null)
                        {
                            (newSources ??= new List<string>(items.Count)).Add(item.Source);
                        }
                    }

                    series.Upsert(item.Point);
                }
            }
            finally
            {
                if (held)
                {
                    metric.LegacySeries.Exit();
                }
            }

            if (newSources is { Count: > 0 })
            {
                account.Sources.TouchAll(CollectionsMarshal.AsSpan(newSources));
            }

            // A delete that raced with this request: the points belong to the metric the delete removed, so store
            // the run again into the metric that continuing data recreates.
            if (metric.IsDeleted)
            {
                entry.Forget();
                continue;
            }

            first = end;
        }
    }

    private static MetricCreation Creation(ReadOnlySpan<byte> body, in RawMeasurement entry, in LegacyItem item, LegacyDefaults defaults, string userAgent)
    {
        var attributes = entry[MeasurementField.Attributes];
        return new MetricCreation(
            userAgent.Length == 0 ? null : userAgent,
            entry[MeasurementField.DisplayName].GetString(body) ?? defaults.DisplayName,
            entry[MeasurementField.Description].GetString(body) ?? defaults.Description,
            item.Period,
            null,
            JsonBody.CopyObject(body, attributes.IsPresent ? attributes : defaults.Attributes));
    }

    private static ref RawMeasurement RecordOf(LegacyBody parsed, in LegacyItem item) =>
        ref (item.Counter ? parsed.Counters : parsed.Gauges)[item.Record];
}
