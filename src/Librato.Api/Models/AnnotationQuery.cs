using System.Collections.Generic;

namespace Librato.Api
{
    /// <summary>
    /// Which events to read with a stream (<c>GET /v1/annotations/:name</c>). Events are chosen by start time;
    /// the API needs <see cref="StartTime"/> or <see cref="Count"/>.
    /// </summary>
    public sealed class AnnotationQuery
    {
        /// <summary>Epoch seconds.</summary>
        public long? StartTime { get; set; }

        /// <summary>Epoch seconds; the API's default is now.</summary>
        public long? EndTime { get; set; }

        /// <summary>The first N events from <see cref="StartTime"/>, or without it the last N up to <see cref="EndTime"/>.</summary>
        public int? Count { get; set; }

        /// <summary>Source names or <c>*</c> patterns.</summary>
        public IList<string> Sources { get; set; } = new List<string>();

        internal void AppendTo(QueryString query)
        {
            query.Add("start_time", StartTime);
            query.Add("end_time", EndTime);
            query.Add("count", Count);
            foreach (var source in Sources)
            {
                query.Add("sources[]", source);
            }
        }
    }
}
