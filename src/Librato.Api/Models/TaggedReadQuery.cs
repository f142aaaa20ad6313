using System.Collections.Generic;

namespace Librato.Api
{
    /// <summary>What to read of a tagged metric (<c>GET /v1/measurements/:name</c>) or a composite.</summary>
    public sealed class TaggedReadQuery
    {
        /// <summary>Seconds per point; the API requires it (at most 604800).</summary>
        public int Resolution { get; set; } = 60;

        public long? StartTime { get; set; }

        public long? EndTime { get; set; }

        /// <summary>Seconds before the end time; an alternative to <see cref="StartTime"/>.</summary>
        public long? Duration { get; set; }

        /// <summary>Tag filters: each name maps to one or more patterns (<c>*</c> wildcards, <c>!</c> negates).</summary>
        public IDictionary<string, IList<string>> Tags { get; set; } = new Dictionary<string, IList<string>>();

        /// <summary>A tag search expression such as <c>region=us-east* and db=*prod*</c>; not combinable with <see cref="Tags"/>.</summary>
        public string? TagsSearch { get; set; }

        /// <summary>Tag names to group by, or <c>*</c>.</summary>
        public IList<string> GroupBy { get; set; } = new List<string>();

        /// <summary>sum, min, max or mean; required with <see cref="GroupBy"/>.</summary>
        public string? GroupByFunction { get; set; }

        /// <summary>sum, min, max, count, mean, derivative, stddev or all.</summary>
        public string? SummaryFunction { get; set; }

        internal void AppendTo(QueryString query)
        {
            query.Add("resolution", Resolution);
            query.Add("start_time", StartTime);
            query.Add("end_time", EndTime);
            query.Add("duration", Duration);
            foreach (var tag in Tags)
            {
                foreach (var pattern in tag.Value)
                {
                    query.Add("tags[" + tag.Key + "]", pattern);
                }
            }

            query.Add("tags_search", TagsSearch);
            query.Add("group_by", GroupBy.Count > 0 ? string.Join(",", GroupBy) : null);
            query.Add("group_by_function", GroupByFunction);
            query.Add("summary_function", SummaryFunction);
        }
    }
}
