using System;
using System.Collections.Generic;
using Librato.Emulator.Reading;
using Librato.Emulator.Storage;

namespace Librato.Emulator.Alerts;

/// <summary>
/// Decides from the stored measurements whether an alert's conditions all hold.
/// <list type="bullet">
/// <item>A condition looks at the series of its metric chosen by <c>source</c> (legacy series; null or "*" means
/// all) and <c>tags</c> (tagged series whose tags match every filter). Each series is judged on its own, unless a
/// tag filter is <c>grouped</c>: then the chosen series are merged point by point into one.</item>
/// <item><c>above</c>/<c>below</c> without a duration: the newest point's value (by <c>summary_function</c>) is
/// beyond the threshold. With a duration: the value has stayed beyond it, point after point, for at least that
/// many seconds up to the newest point.</item>
/// <item><c>absent</c>: the series has reported, and its newest point is at least <c>duration</c> seconds old.</item>
/// </list>
/// Only points later than <paramref name="ignoreUntil"/> count, which is how a cleared alert waits for new data.
/// </summary>
internal static class AlertEvaluator
{
    public static bool Holds(Alert alert, AccountStore metrics, long now, long ignoreUntil)
    {
        if (!alert.Active || alert.Conditions.Count == 0)
        {
            return false;
        }

        foreach (var condition in alert.Conditions)
        {
            if (!ConditionHolds(condition, metrics, now, ignoreUntil))
            {
                return false;
            }
        }

        return true;
    }

    private static bool ConditionHolds(AlertCondition condition, AccountStore metrics, long now, long ignoreUntil)
    {
        var metric = metrics.Find(condition.MetricName);
        if (metric is null)
        {
            return false;
        }

        foreach (var points in SelectSeries(metric, condition, ignoreUntil))
        {
            bool holds = condition.Type == "absent"
                ? IsAbsent(points, condition.Duration ?? 0, now)
                : IsBeyondThreshold(points, condition);
            if (holds)
            {
                return true;
            }
        }

        return false;
    }

    private static List<Point[]> SelectSeries(Metric metric, AlertCondition condition, long ignoreUntil)
    {
        var chosen = new List<Point[]>();
        bool anySource = condition.Source is null || new WildcardPattern(condition.Source).MatchesEverything;
        if (condition.Tags.Count == 0)
        {
            var pattern = anySource ? null : new WildcardPattern(condition.Source!);
            foreach (var series in metric.LegacySeries.Values)
            {
                if (pattern is null || (series.Source is not null && pattern.IsMatch(series.Source)))
                {
                    chosen.Add(After(series.All(), ignoreUntil));
                }
            }
        }

        bool grouped = false;
        if (anySource)
        {
            foreach (var series in metric.TaggedSeries.Values)
            {
                if (TagsMatch(series.Tags!, condition.Tags))
                {
                    chosen.Add(After(series.All(), ignoreUntil));
                }
            }

            foreach (var tag in condition.Tags)
            {
                grouped |= tag.Grouped;
            }
        }

        return grouped && chosen.Count > 1 ? new List<Point[]> { Merge(chosen) } : chosen;
    }

    private static bool TagsMatch(TagSet tags, IReadOnlyList<AlertTag> filters)
    {
        foreach (var filter in filters)
        {
            if (!tags.TryGetValue(filter.Name, out string value))
            {
                return false;
            }

            bool any = false;
            foreach (string pattern in filter.Values)
            {
                any |= new WildcardPattern(pattern).IsMatch(value);
            }

            if (!any)
            {
                return false;
            }
        }

        return true;
    }

    private static Point[] After(Point[] points, long ignoreUntil)
    {
        int first = 0;
        while (first < points.Length && points[first].Time <= ignoreUntil)
        {
            first++;
        }

        return first == 0 ? points : points[first..];
    }

    /// <summary>Combines series into one: points at the same time are summed up as a rollup would.</summary>
    private static Point[] Merge(List<Point[]> series)
    {
        var byTime = new SortedDictionary<long, Point>();
        foreach (var points in series)
        {
            foreach (var point in points)
            {
                byTime[point.Time] = byTime.TryGetValue(point.Time, out var existing) ? existing.Merge(point) : point;
            }
        }

        var merged = new Point[byTime.Count];
        byTime.Values.CopyTo(merged, 0);
        return merged;
    }

    private static bool IsAbsent(Point[] points, long duration, long now) =>
        points.Length > 0 && now - points[^1].Time >= duration;

    private static bool IsBeyondThreshold(Point[] points, AlertCondition condition)
    {
        var values = Summaries(points, condition.SummaryFunction ?? "average", condition.DetectReset);
        if (values.Count == 0)
        {
            return false;
        }

        double threshold = condition.Threshold ?? 0;
        bool above = condition.Type == "above";
        if (!Beyond(values[^1].Value, threshold, above))
        {
            return false;
        }

        if (condition.Duration is not { } duration)
        {
            return true;
        }

        // Walk back from the newest point while the values stay beyond the threshold.
        long streakStart = values[^1].Time;
        for (int i = values.Count - 2; i >= 0 && Beyond(values[i].Value, threshold, above); i--)
        {
            streakStart = values[i].Time;
        }

        return values[^1].Time - streakStart >= duration;
    }

    private static bool Beyond(double value, double threshold, bool above) => above ? value > threshold : value < threshold;

    private static List<(long Time, double Value)> Summaries(Point[] points, string function, bool detectReset)
    {
        var values = new List<(long, double)>(points.Length);
        for (int i = 0; i < points.Length; i++)
        {
            var point = points[i];
            switch (function)
            {
                case "derivative":
                    if (i > 0)
                    {
                        double delta = point.Value - points[i - 1].Value;
                        values.Add((point.Time, detectReset && delta < 0 ? 0 : delta));
                    }

                    break;
                case "sum":
                    values.Add((point.Time, point.Sum));
                    break;
                case "min":
                    values.Add((point.Time, point.Min));
                    break;
                case "max":
                    values.Add((point.Time, point.Max));
                    break;
                case "count":
                    values.Add((point.Time, point.Count));
                    break;
                default:
                    values.Add((point.Time, point.Value));
                    break;
            }
        }

        return values;
    }
}
