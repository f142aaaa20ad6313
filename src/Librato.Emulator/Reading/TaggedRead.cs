using System;
using System.Collections.Generic;
using Librato.Emulator.Storage;

namespace Librato.Emulator.Reading;

/// <summary>
/// Computes what a tagged read returns: the selected series (or their groups) with one value per bucket, cut at
/// the truncation limit, and where the next page starts.
/// </summary>
internal sealed class TaggedRead
{
    private TaggedRead(List<KeyValuePair<IReadOnlyList<KeyValuePair<string, string>>, TaggedValue[]>> series, long? nextStart, SummaryFunction function)
    {
        Series = series;
        NextStart = nextStart;
        Function = function;
    }

    /// <summary>The non-empty series in order, each with the tags it is reported under.</summary>
    public List<KeyValuePair<IReadOnlyList<KeyValuePair<string, string>>, TaggedValue[]>> Series { get; }

    public long? NextStart { get; }

    public SummaryFunction Function { get; }

    public static TaggedRead Run(Metric metric, TaggedReadRequest request)
    {
        var function = request.Function ?? SummaryFunctions.Default(metric.ReadMetadata().Attributes);
        var selected = new List<Series>();
        foreach (var series in metric.TaggedSeries.Values)
        {
            if (request.Selects(series.Tags!) && HasGroupTags(series.Tags!, request.GroupBy))
            {
                selected.Add(series);
            }
        }

        selected.Sort(static (a, b) => a.Tags!.CompareTo(b.Tags));
        var output = new List<KeyValuePair<IReadOnlyList<KeyValuePair<string, string>>, TaggedValue[]>>(selected.Count);
        if (request.GroupBy is null)
        {
            foreach (var series in selected)
            {
                output.Add(new(series.Tags!.Pairs, Values(series, request, function)));
            }
        }
        else
        {
            output.AddRange(Group(selected, request, function));
        }

        var values = output.ConvertAll(static entry => entry.Value);
        long? next = Truncation.Apply(values, static value => value.Time);
        for (int i = 0; i < output.Count; i++)
        {
            output[i] = new(output[i].Key, values[i]);
        }

        output.RemoveAll(static entry => entry.Value.Length == 0);
        return new TaggedRead(output, next, function);
    }

    private static bool HasGroupTags(TagSet tags, string[]? groupBy)
    {
        if (groupBy is null)
        {
            return true;
        }

        foreach (string name in groupBy)
        {
            if (!tags.TryGetValue(name, out _))
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>The series' buckets in the window, each valued by the summary function.</summary>
    private static TaggedValue[] Values(Series series, TaggedReadRequest request, SummaryFunction function)
    {
        var points = Rollup.Apply(series.Range(request.Start, request.End), request.Resolution);
        var values = new List<TaggedValue>(points.Length);
        Point? previous = function == SummaryFunction.Derivative ? series.LastBefore(request.Start) : null;
        foreach (var point in points)
        {
            if (SummaryFunctions.Value(function, point, previous) is { } value)
            {
                values.Add(new TaggedValue(point.Time, value, point));
            }

            previous = point;
        }

        return values.ToArray();
    }

    /// <summary>
    /// Series with the same values of the group tags become one, combined per bucket by the group function; with
    /// <c>group_by=*</c> every series joins one group without tags.
    /// </summary>
    private static IEnumerable<KeyValuePair<IReadOnlyList<KeyValuePair<string, string>>, TaggedValue[]>> Group(
        List<Series> selected, TaggedReadRequest request, SummaryFunction function)
    {
        var groups = new Dictionary<string, (TagSet Tags, SortedDictionary<long, List<double>> Buckets)>(StringComparer.Ordinal);
        foreach (var series in selected)
        {
            var pairs = new List<KeyValuePair<string, string>>(request.GroupBy!.Length);
            foreach (string name in request.GroupBy)
            {
                series.Tags!.TryGetValue(name, out string value);
                pairs.Add(new KeyValuePair<string, string>(name, value));
            }

            var tags = TagSet.FromNormalizedPairs(pairs);
            if (!groups.TryGetValue(tags.Key, out var group))
            {
                groups[tags.Key] = group = (tags, new SortedDictionary<long, List<double>>());
            }

            foreach (var value in Values(series, request, function))
            {
                if (!group.Buckets.TryGetValue(value.Time, out var atTime))
                {
                    group.Buckets[value.Time] = atTime = new List<double>();
                }

                atTime.Add(value.Value);
            }
        }

        var ordered = new List<(TagSet Tags, SortedDictionary<long, List<double>> Buckets)>(groups.Values);
        ordered.Sort(static (a, b) => a.Tags.CompareTo(b.Tags));
        foreach (var (tags, buckets) in ordered)
        {
            var values = new TaggedValue[buckets.Count];
            int index = 0;
            foreach (var bucket in buckets)
            {
                values[index++] = new TaggedValue(bucket.Key, GroupFunctions.Apply(request.GroupFunction, bucket.Value), default);
            }

            yield return new(tags.Pairs, values);
        }
    }
}
