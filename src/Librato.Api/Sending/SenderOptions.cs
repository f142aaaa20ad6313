using System;
using System.Collections.Generic;

namespace Librato.Api
{
    /// <summary>How a <see cref="MeasurementSender"/> batches, sends and keeps what it cannot send.</summary>
    public sealed class SenderOptions
    {
        /// <summary>Measurements per request (per route); at most <see cref="MeasurementBatcher.MaxBatchSize"/>.</summary>
        public int BatchSize { get; set; } = MeasurementBatcher.DefaultBatchSize;

        /// <summary>Batches on their way at once.</summary>
        public int ThrottleLimit { get; set; } = DefaultThrottleLimit;

        /// <summary>Two: one request can be answered while the next is sent and a third batch fills.</summary>
        public const int DefaultThrottleLimit = 2;

        /// <summary>
        /// Where measurements wait until the API has them: each is written there before its batch is sent and
        /// acknowledged once delivered, so that no stop of the process loses one. Null: nothing is kept on disk.
        /// </summary>
        public Outbox? Outbox { get; set; }

        /// <summary>
        /// How long the sender may keep trying through failures: past this, no retry waits, and once a request fails
        /// no more are tried; what is left is kept in the outbox or reported. Null for no limit.
        /// </summary>
        public TimeSpan? MaxSendDuration { get; set; } = DefaultMaxSendDuration;

        /// <summary>Two minutes: a scheduled task that runs every minute or five does not pile up behind an outage.</summary>
        public static readonly TimeSpan DefaultMaxSendDuration = TimeSpan.FromMinutes(2);

        /// <summary>
        /// A batch that is not full is sent once its oldest measurement has waited this long (a slow feed, such as
        /// counter samples a minute apart, is not held back until a batch fills). Null: only full batches, and the
        /// rest when the sender is flushed.
        /// </summary>
        public TimeSpan? MaxBatchAge { get; set; } = TimeSpan.FromSeconds(5);

        /// <summary>After a batch failed, try nothing more (a queue keeps the rest for its next submission).</summary>
        public bool StopAfterFailure { get; set; }

        public IRequestTrace? Trace { get; set; }

        /// <summary>
        /// Called when the process ends (SIGTERM, SIGHUP, an exit) while measurements are neither delivered nor in the
        /// outbox, with those measurements: the last chance to say so. Not called when an outbox holds them.
        /// </summary>
        public Action<IReadOnlyList<Measurement>>? ProcessExiting { get; set; }

        /// <summary>Where the end of the process is heard: the process's own hook, or a test's.</summary>
        internal ProcessExitHook ExitHook { get; set; } = ProcessExitHook.Process;
    }
}
