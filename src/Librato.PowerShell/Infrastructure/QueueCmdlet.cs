using System;
using System.Collections;
using System.Management.Automation;
using Librato.Api;

namespace Librato.PowerShell
{
    /// <summary>The queue options New-LibratoQueue and Use-LibratoQueue share, and how they make a queue.</summary>
    public abstract class QueueCmdlet : LibratoCmdlet
    {
        [Parameter]
        [ValidateRange(1, MeasurementBatcher.MaxBatchSize)]
        public int BatchSize { get; set; } = MeasurementBatcher.DefaultBatchSize;

        /// <summary>Submit as soon as this many measurements are queued.</summary>
        [Parameter]
        [ValidateRange(1, int.MaxValue)]
        public int? AutoSubmitCount { get; set; }

        /// <summary>Submit whatever is queued this often (a TimeSpan, or seconds).</summary>
        [Parameter]
        [Seconds]
        public TimeSpan? AutoSubmitInterval { get; set; }

        /// <summary>Tags for the gauges added to the queue without tags of their own.</summary>
        [Parameter]
        [ValidateNotNull]
        [TagTable(OneValueEach = true)]
        [ArgumentCompleter(typeof(TagCompleter))]
        public Hashtable? Tags { get; set; }

        /// <summary>Merge the queue's and the session's tags into each measurement's own instead of replacing them.</summary>
        [Parameter]
        public SwitchParameter InheritTags { get; set; }

        internal LibratoQueue CreateQueue()
        {
            if (AutoSubmitInterval.HasValue && AutoSubmitInterval.Value <= TimeSpan.Zero)
            {
                ThrowTerminatingError(new ErrorRecord(
                    new PSArgumentOutOfRangeException(nameof(AutoSubmitInterval), AutoSubmitInterval, "The auto-submit interval must be positive."),
                    ErrorIds.InvalidInterval, ErrorCategory.InvalidArgument, AutoSubmitInterval));
            }

            ThrowIfTagsInvalid(Tags, nameof(Tags));
            InputConversion.TryTags(Tags, out var tags);
            var options = new MeasurementQueueOptions
            {
                BatchSize = BatchSize,
                AutoSubmitCount = AutoSubmitCount,
                AutoSubmitInterval = AutoSubmitInterval,
                Tags = tags,
                DefaultTags = ActiveSession.DefaultTagLevel,
                InheritTags = InheritTags,
                Outbox = ActiveSession.Outbox,
                MaxSendDuration = ActiveSession.MaxSendDuration,
                ProcessExiting = LibratoSession.ReportLostAtExit,
            };
            return new LibratoQueue(ActiveSession, new MeasurementQueue(Client, options));
        }
    }
}
