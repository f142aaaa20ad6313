using System;
using System.Collections.Generic;
using System.Linq;

namespace Librato.Api
{
    /// <summary>
    /// What points to read of one metric, whichever kind of series holds them: a window, a resolution, a count,
    /// and filters that apply to series by source or by tags.
    /// </summary>
    public sealed class PointQuery
    {
        /// <summary>The resolutions a read by source offers; a tagged read takes any number of seconds up to a week.</summary>
        public static readonly IReadOnlyList<int> SourceResolutions = new[] { 1, 60, 900, 3600, 86400 };

        /// <summary>The resolution of a tagged read when none is given (the API requires one).</summary>
        public const int DefaultTaggedResolution = 60;

        public long StartTime { get; set; }

        public long EndTime { get; set; }

        /// <summary>
        /// True when <see cref="StartTime"/> was chosen by the caller rather than derived from a default window:
        /// with <see cref="Count"/> it asks for the first points after it instead of the last ones.
        /// </summary>
        public bool StartTimeGiven { get; set; }

        /// <summary>Seconds per point; null reads series by source raw and tagged series at <see cref="DefaultTaggedResolution"/>.</summary>
        public int? Resolution { get; set; }

        /// <summary>The last N points of each series (with a given start time, the first N after it).</summary>
        public int? Count { get; set; }

        /// <summary>Source names or <c>*</c> patterns; only series by source have them.</summary>
        public IList<string> Sources { get; set; } = new List<string>();

        /// <summary>Tag filters: each name maps to one or more patterns (<c>*</c> wildcards, <c>!</c> negates).</summary>
        public IDictionary<string, IList<string>> Tags { get; set; } = new Dictionary<string, IList<string>>();

        public string? TagsSearch { get; set; }

        /// <summary>Tag names to group tagged series by.</summary>
        public IList<string> GroupBy { get; set; } = new List<string>();

        public string? GroupByFunction { get; set; }

        /// <summary>
        /// sum, min, max, count, mean, derivative, stddev or all. Tagged reads ask the API for it; points by source
        /// carry every statistic, and their <see cref="LibratoMeasurement.Value"/> is set to the one asked for.
        /// </summary>
        public string? SummaryFunction { get; set; }

        /// <summary>Options only series by source have (summaries across time and sources).</summary>
        public bool SummarizeTime { get; set; }

        public bool SummarizeSources { get; set; }

        public bool? BreakoutSources { get; set; }

        /// <summary>min, max, mean, sum or count across sources, into the source <c>all</c>.</summary>
        public string? SourceGroupBy { get; set; }

        /// <summary>The kind of series the filters and options apply to, or null when they fit either kind.</summary>
        public SeriesKind? Kind
        {
            get
            {
                var bySource = Sources.Count > 0 || SummarizeTime || SummarizeSources || BreakoutSources.HasValue || SourceGroupBy != null;
                var byTags = Tags.Count > 0 || TagsSearch != null || GroupBy.Count > 0 || GroupByFunction != null;
                if (bySource && byTags)
                {
                    throw new ArgumentException("A metric's series are either by source or by tags; filter by one of them, not both.");
                }

                return bySource ? SeriesKind.Sources : byTags ? SeriesKind.Tags : (SeriesKind?)null;
            }
        }

        /// <summary>True when no filter narrows the series, so an empty answer means the window holds no points at all.</summary>
        public bool IsUnfiltered => Kind == null;

        internal int TaggedResolution => Resolution ?? DefaultTaggedResolution;

        /// <summary>Whether a read by source can serve this resolution.</summary>
        internal bool FitsSources => !Resolution.HasValue || SourceResolutions.Contains(Resolution.Value);

        internal MetricReadQuery ForSources()
        {
            var query = new MetricReadQuery
            {
                Count = Count,
                Resolution = Resolution,
                EndTime = EndTime,
                SummarizeTime = SummarizeTime,
                SummarizeSources = SummarizeSources,
                BreakoutSources = BreakoutSources,
                GroupBy = SourceGroupBy,
            };

            // With a count and no start of its own, the API gives the last N points before the end.
            if (!Count.HasValue || StartTimeGiven)
            {
                query.StartTime = StartTime;
            }

            if (Sources.Count == 1)
            {
                query.Source = Sources[0];
            }
            else
            {
                query.Sources = Sources;
            }

            return query;
        }

        internal TaggedReadQuery ForTags()
        {
            var query = new TaggedReadQuery
            {
                Resolution = TaggedResolution,
                StartTime = StartTime,
                EndTime = EndTime,
                TagsSearch = TagsSearch,
                GroupByFunction = GroupByFunction,
                SummaryFunction = SummaryFunction,
            };

            if (Count.HasValue && !StartTimeGiven)
            {
                // Tagged reads have no count: look back far enough for N periods, and keep the last N of each series.
                query.StartTime = Math.Min(StartTime, EndTime - (long)Count.Value * TaggedResolution);
            }

            foreach (var tag in Tags)
            {
                query.Tags[tag.Key] = tag.Value;
            }

            foreach (var name in GroupBy)
            {
                query.GroupBy.Add(name);
            }

            return query;
        }
    }
}
