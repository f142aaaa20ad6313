using System;
using System.Collections.Generic;

namespace Librato.Api
{
    /// <summary>How a <see cref="MeasurementQueue"/> batches, when it submits by itself, and the tags it adds.</summary>
    public sealed class MeasurementQueueOptions
    {
        public int BatchSize { get; set; } = MeasurementBatcher.DefaultBatchSize;

        /// <summary>Submit as soon as this many measurements are queued.</summary>
        public int? AutoSubmitCount { get; set; }

        /// <summary>Submit whatever is queued this often, from a timer.</summary>
        public TimeSpan? AutoSubmitInterval { get; set; }

        /// <summary>The queue's tags, applied to gauges added without their own.</summary>
        public IDictionary<string, string>? Tags { get; set; }

        /// <summary>Tags inherited from further out (the session's default tags), below the queue's own.</summary>
        public IDictionary<string, string>? DefaultTags { get; set; }

        /// <summary>Merge the levels of tags instead of letting the most specific replace the others.</summary>
        public bool InheritTags { get; set; }
    }
}
