using System;
using System.Collections.Generic;
using Librato.Emulator.Storage;

namespace Librato.Emulator.Composite;

/// <summary>
/// One series of an evaluated composite: its points plus where they came from, which the responses describe
/// (the metric, the <c>s()</c> query, and a legacy source or a tag set).
/// </summary>
internal sealed class ResultSeries
{
    /// <summary>The source name given to a series combined from several sources.</summary>
    public const string CombinedSource = "all";

    public ResultSeries(MetricMetadata metric, SeriesQuery query, string? source, TagSet? tags, long period, Sample[] samples)
    {
        Metric = metric;
        Query = query;
        Source = source;
        Tags = tags;
        Period = period;
        Samples = samples;
    }

    public MetricMetadata Metric { get; }

    public SeriesQuery Query { get; }

    /// <summary>The legacy source; null for tagged series and for legacy points without a source.</summary>
    public string? Source { get; }

    /// <summary>The tag set; null for legacy series.</summary>
    public TagSet? Tags { get; }

    public bool IsTagged => Tags is not null;

    /// <summary>The spacing the points were summarized to: the <c>period</c> option of <c>s()</c> or the resolution.</summary>
    public long Period { get; }

    /// <summary>In ascending time order, at most one point per time.</summary>
    public Sample[] Samples { get; }

    public ResultSeries With(Sample[] samples) => new(Metric, Query, Source, Tags, Period, samples);

    /// <summary>
    /// Describes a series computed from several inputs: the first input's metric, query and period; for legacy
    /// series the shared source, or <see cref="CombinedSource"/> when the sources differ; for tagged series the tag
    /// pairs every input shares.
    /// </summary>
    public static ResultSeries Combine(IReadOnlyList<ResultSeries> inputs, Sample[] samples)
    {
        var first = inputs[0];
        if (!first.IsTagged)
        {
            string? source = first.Source;
            for (int i = 1; i < inputs.Count; i++)
            {
                if (inputs[i].IsTagged || !string.Equals(inputs[i].Source, source, StringComparison.OrdinalIgnoreCase))
                {
                    source = CombinedSource;
                    break;
                }
            }

            return new ResultSeries(first.Metric, first.Query, source, null, first.Period, samples);
        }

        var shared = new List<KeyValuePair<string, string>>();
        foreach (var pair in first.Tags!.Pairs)
        {
            bool everywhere = true;
            for (int i = 1; i < inputs.Count && everywhere; i++)
            {
                everywhere = inputs[i].Tags is { } tags && tags.TryGetValue(pair.Key, out string value) && value == pair.Value;
            }

            if (everywhere)
            {
                shared.Add(pair);
            }
        }

        return new ResultSeries(first.Metric, first.Query, null, TagSet.FromNormalizedPairs(shared), first.Period, samples);
    }
}
