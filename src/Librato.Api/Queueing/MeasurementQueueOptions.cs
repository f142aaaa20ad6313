using System;
using System.Collections.Generic;

namespace Librato.Api
{
    /// <summary>How a <see cref="MeasurementQueue"/> batches, when it submits by itself, the tags it adds, and where it keeps what it holds.</summary>
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

        /// <summary>
        /// Where queued measurements are written as they are added and acknowledged once delivered, so that what the
        /// process never submitted (it was stopped, it forgot) is delivered by a later run. Null: kept in memory only.
        /// </summary>
        public Outbox? Outbox { get; set; }

        /// <summary>Batches on their way at once during a submission.</summary>
        public int ThrottleLimit { get; set; } = SenderOptions.DefaultThrottleLimit;

        /// <summary>How long one submission may keep trying through failures (see <see cref="SenderOptions.MaxSendDuration"/>).</summary>
        public TimeSpan? MaxSendDuration { get; set; } = SenderOptions.DefaultMaxSendDuration;

        /// <summary>Called when the process ends with measurements queued and no outbox to keep them.</summary>
        public Action<IReadOnlyList<Measurement>>? ProcessExiting { get; set; }
    }
}
