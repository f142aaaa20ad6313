using System;
using System.Collections.Generic;
using Librato.Emulator.Storage;

namespace Librato.Emulator.Reading;

/// <summary>
/// Computes what a legacy read returns: the records of each selected source (or their summaries), the synthetic
/// <c>all</c> source when asked for, and the <c>next_time</c> of a truncated read.
/// </summary>
internal sealed class LegacyRead
{
    public const string Unassigned = "unassigned";
    public const string AllSources = "all";

    private LegacyRead(List<KeyValuePair<string, LegacyRecord[]>> series, long? nextTime)
    {
        Series = series;
        NextTime = nextTime;
    }

    /// <summary>The non-empty series in the order they are written: sources by name, then <c>all</c>.</summary>
    public List<KeyValuePair<string, LegacyRecord[]>> Series { get; }

    public long? NextTime { get; }

    public static LegacyRead Run(Metric metric, LegacyReadRequest request)
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
        bool summarizing = request.SummarizeTime || request.SummarizeSources;
        bool deltas = summarizing && metric.Type == MetricType.Counter;
        long start = request.Start ?? long.MinValue;
        var shown = new List<Point[]>(selected.Count);
        var basis = new List<Point[]>(selected.Count);
        foreach (var series in selected)
        {
            var raw = series.Range(start, request.End);
            var points = Limit(Rollup.Apply(raw, request.Resolution), request);
            shown.Add(points);
            basis.Add(deltas ? Limit(Rollup.Apply(CounterDeltas.From(raw, series.LastBefore(start)), request.Resolution), request) : points);
        }

        var output = new List<KeyValuePair<string, LegacyRecord[]>>();
        if (request.SummarizeTime)
        {
            var summaries = new List<LegacyRecord>();
            for (int i = 0; i < selected.Count; i++)
            {
                if (LegacySummaries.OverTime(basis[i]) is { } summary)
                {
                    summaries.Add(summary);
                    if (request.Breakout)
                    {
                        output.Add(new(selected[i].Source ?? Unassigned, new[] { summary }));
                    }
                }
            }

            if (request.SummarizeSources && LegacySummaries.AcrossSummaries(summaries, request.GroupBy) is { } all)
            {
                output.Add(new(AllSources, new[] { all }));
            }

            return new LegacyRead(output, null);
        }

        if (request.Breakout)
        {
            for (int i = 0; i < selected.Count; i++)
            {
                if (shown[i].Length > 0)
                {
                    output.Add(new(selected[i].Source ?? Unassigned, Array.ConvertAll(shown[i], static p => LegacyRecord.From(p))));
                }
            }
        }

        if (request.SummarizeSources)
        {
            var all = LegacySummaries.AcrossSources(basis, request.GroupBy);
            if (all.Length > 0)
            {
                output.Add(new(AllSources, request.Count is { } count ? TakeCount(all, count, request.Start.HasValue) : all));
            }
        }

        long? nextTime = request.Count.HasValue ? null : Cut(output);
        output.RemoveAll(static entry => entry.Value.Length == 0);
        return new LegacyRead(output, nextTime);
    }

    private static Point[] Limit(Point[] points, LegacyReadRequest request) =>
        request.Count is { } count ? TakeCount(points, count, request.Start.HasValue) : points;

    private static T[] TakeCount<T>(T[] items, long count, bool fromStart)
    {
        if (items.Length <= count)
        {
            return items;
        }

        int take = (int)count;
        return fromStart ? items.AsSpan(0, take).ToArray() : items.AsSpan(items.Length - take, take).ToArray();
    }

    private static long? Cut(List<KeyValuePair<string, LegacyRecord[]>> output)
    {
        var records = output.ConvertAll(static entry => entry.Value);
        long? next = Truncation.Apply(records, static record => record.Time);
        for (int i = 0; i < output.Count; i++)
        {
            output[i] = new(output[i].Key, records[i]);
        }

        return next;
    }
}
