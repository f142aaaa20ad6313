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
        }
    }
}
