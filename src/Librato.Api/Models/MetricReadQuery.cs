using System.Collections.Generic;

namespace Librato.Api
{
    /// <summary>What measurements to read with a metric (<c>GET /v1/metrics/:name</c>).</summary>
    public sealed class MetricReadQuery
    {
        public int? Count { get; set; }

        public int? Resolution { get; set; }

        public long? StartTime { get; set; }

        public long? EndTime { get; set; }

        /// <summary>A source name or <c>*</c> pattern.</summary>
        public string? Source { get; set; }

        public IList<string> Sources { get; set; } = new List<string>();

        /// <summary>One record per source summarizing the whole interval.</summary>
        public bool SummarizeTime { get; set; }

        /// <summary>Adds the synthetic source <c>all</c> summarizing every source.</summary>
        public bool SummarizeSources { get; set; }

        /// <summary>False returns only the <c>all</c> series.</summary>
        public bool? BreakoutSources { get; set; }

        /// <summary>min, max, mean, sum or count across sources (implies only the <c>all</c> series).</summary>
        public string? GroupBy { get; set; }

        internal void AppendTo(QueryString query)
        {
            query.Add("count", Count);
            query.Add("resolution", Resolution);
            query.Add("start_time", StartTime);
            query.Add("end_time", EndTime);
            query.Add("source", Source);
            foreach (var s in Sources)
            {
                query.Add("sources[]", s);
            }

            query.Add("summarize_time", SummarizeTime ? "true" : null);
            query.Add("summarize_sources", SummarizeSources ? "true" : null);
            query.Add("breakout_sources", BreakoutSources.HasValue ? (BreakoutSources.Value ? "true" : "false") : null);
            query.Add("group_by", GroupBy);
        }
    }
}
