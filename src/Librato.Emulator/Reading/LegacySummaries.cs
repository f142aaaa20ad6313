using System;
using System.Collections.Generic;
using Librato.Emulator.Storage;

namespace Librato.Emulator.Reading;

/// <summary>The summaries of a legacy read: over time (<c>summarize_time</c>) and across sources (the <c>all</c> series).</summary>
internal static class LegacySummaries
{
    /// <summary>
    /// The records of one source merged into one, stamped with the first record's time; <c>rollups</c> counts the
    /// records merged. Null when there are none.
    /// </summary>
    public static LegacyRecord? OverTime(IReadOnlyList<Point> points)
    {
        if (points.Count == 0)
        {
            return null;
        }

        var merged = points[0];
        for (int i = 1; i < points.Count; i++)
        {
            merged = merged.Merge(points[i]);
        }

        return LegacyRecord.From(merged, points.Count);
    }

    /// <summary>
    /// One record per time across the sources: the merged point, or with a group function each statistic combined
    /// by it, plus <c>summarized</c> (sources at that time) and <c>count</c> (all their samples).
    /// </summary>
    public static LegacyRecord[] AcrossSources(IReadOnlyList<Point[]> sources, GroupFunction? function)
    {
        var byTime = new SortedDictionary<long, List<Point>>();
        foreach (var points in sources)
        {
            foreach (var point in points)
            {
                if (!byTime.TryGetValue(point.Time, out var atTime))
                {
                    byTime[point.Time] = atTime = new List<Point>();
                }

                atTime.Add(point);
            }
        }

        var result = new LegacyRecord[byTime.Count];
        int index = 0;
        foreach (var entry in byTime)
        {
            result[index++] = Combine(entry.Key, entry.Value, function, null);
        }

        return result;
    }

    /// <summary>The <c>all</c> record of a read summarized over time: the per-source summaries combined into one.</summary>
    public static LegacyRecord? AcrossSummaries(IReadOnlyList<LegacyRecord> summaries, GroupFunction? function)
    {
        if (summaries.Count == 0)
        {
            return null;
        }

        long first = long.MaxValue;
        int rollups = 0;
        var points = new List<Point>(summaries.Count);
        foreach (var summary in summaries)
        {
            first = Math.Min(first, summary.Time);
            rollups += summary.Rollups ?? 1;
            points.Add(summary.ToPoint());
        }

        return Combine(first, points, function, rollups);
    }

    private static LegacyRecord Combine(long time, List<Point> points, GroupFunction? function, int? rollups)
    {
        if (function is not { } group)
        {
            var merged = points[0] with { Time = time };
            for (int i = 1; i < points.Count; i++)
            {
                merged = merged.Merge(points[i]);
            }

            return LegacyRecord.From(merged, rollups);
        }

        long count = 0;
        foreach (var point in points)
        {
            count += point.Count;
        }

        double Stat(Func<Point, double> read) => GroupFunctions.Apply(group, points.ConvertAll(p => read(p)));
        return new LegacyRecord(
            time,
            Stat(static p => p.Value),
            count,
            Stat(static p => p.Sum),
            Stat(static p => p.Min),
            Stat(static p => p.Max),
            Stat(static p => p.SumSquares),
            rollups,
            points.Count);
    }
}
