using System;
using System.Collections.Generic;
using Librato.Emulator.Reading;
using Librato.Emulator.Storage;

namespace Librato.Emulator.Composite;

/// <summary>
/// <c>s(metric, source-or-tags, options)</c>: reads the stored series that match, summarized per bucket (the
/// <c>period</c> option, else the request's resolution) with the chosen statistic. Series without points in the
/// window are left out.
/// </summary>
internal sealed class SeriesExpression : SetExpression
{
    private readonly WildcardPattern metricPattern;
    private readonly WildcardPattern? sourcePattern;
    private readonly IReadOnlyList<TagCondition>? tagConditions;
    private readonly SeriesStatistic statistic;
    private readonly long? period;

    public SeriesExpression(SeriesQuery query, SeriesStatistic statistic, long? period)
    {
        Query = query;
        metricPattern = new WildcardPattern(query.Metric);
        this.statistic = statistic;
        this.period = period;
        if (query.Tags is null)
        {
            sourcePattern = new WildcardPattern(query.Source!);
        }
        else
        {
            var conditions = new List<TagCondition>(query.Tags.Count);
            foreach (var tag in query.Tags)
            {
                conditions.Add(new TagCondition(tag.Key, tag.Value));
            }

            tagConditions = conditions;
        }
    }

    public SeriesQuery Query { get; }

    public override List<ResultSeries> Evaluate(EvaluationContext context)
    {
        long bucket = period ?? context.Resolution;
        var result = new List<ResultSeries>();
        foreach (var metric in MatchingMetrics(context.Account))
        {
            var metadata = metric.ReadMetadata();
            foreach (var series in SelectSeries(metric))
            {
                var points = Rollup.Apply(series.Range(context.Start, context.End), bucket);
                if (points.Length == 0)
                {
                    continue;
                }

                var samples = new Sample[points.Length];
                for (int i = 0; i < points.Length; i++)
                {
                    samples[i] = new Sample(points[i].Time, Pick(points[i]));
                }

                result.Add(new ResultSeries(metadata, Query, series.Source, series.Tags, bucket, samples));
            }
        }

        return result;
    }

    private List<Metric> MatchingMetrics(AccountStore account)
    {
        var matches = new List<Metric>();
        if (!Query.Metric.Contains('*'))
        {
            var metric = account.Find(Query.Metric);
            if (metric is { Type: MetricType.Composite })
            {
                throw new CompositeException($"'{metric.Name}' is a composite metric, and composite metrics cannot be nested");
            }

            if (metric is not null)
            {
                matches.Add(metric);
            }

            return matches;
        }

        foreach (var metric in account.Snapshot())
        {
            if (metric.Type != MetricType.Composite && metricPattern.IsMatch(metric.Name))
            {
                matches.Add(metric);
            }
        }

        matches.Sort(static (a, b) => StringComparer.OrdinalIgnoreCase.Compare(a.Name, b.Name));
        return matches;
    }

    private List<Series> SelectSeries(Metric metric)
    {
        var selected = new List<Series>();
        if (tagConditions is null)
        {
            foreach (var series in metric.LegacySeries.Values)
            {
                // As in legacy reads, a pattern of only '*' also takes the points sent without a source.
                if (series.Source is null ? sourcePattern!.MatchesEverything : sourcePattern!.IsMatch(series.Source))
                {
                    selected.Add(series);
                }
            }

            selected.Sort(static (a, b) => StringComparer.OrdinalIgnoreCase.Compare(a.Source ?? "unassigned", b.Source ?? "unassigned"));
            return selected;
        }

        foreach (var series in metric.TaggedSeries.Values)
        {
            if (MatchesTags(series.Tags!))
            {
                selected.Add(series);
            }
        }

        selected.Sort(static (a, b) => a.Tags!.CompareTo(b.Tags));
        return selected;
    }

    private bool MatchesTags(TagSet tags)
    {
        foreach (var condition in tagConditions!)
        {
            if (!condition.Matches(tags))
            {
                return false;
            }
        }

        return true;
    }

    private double Pick(in Point point) => statistic switch
    {
        SeriesStatistic.Sum => point.Sum,
        SeriesStatistic.Min => point.Min,
        SeriesStatistic.Max => point.Max,
        SeriesStatistic.Count => point.Count,
        _ => point.Value,
    };
}
