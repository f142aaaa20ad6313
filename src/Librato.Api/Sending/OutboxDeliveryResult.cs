using System.Collections.Generic;
using System.Threading;

namespace Librato.Api
{
    /// <summary>What one delivery of the outbox did.</summary>
    public sealed class OutboxDeliveryResult
    {
        private OutboxDeliveryResult(string directory)
        {
            Directory = directory;
        }

        /// <summary>Measurements the API accepted.</summary>
        public int Sent { get; private set; }

        /// <summary>Requests (batches) that carried them.</summary>
        public int Batches { get; private set; }

        /// <summary>Outbox files delivered whole (and removed).</summary>
        public int Files { get; private set; }

        /// <summary>Files moved to the quarantine folder because they did not read, and files of refused measurements written there.</summary>
        public int Quarantined { get; private set; }

        /// <summary>Files another running send holds.</summary>
        public int InUse { get; private set; }

        /// <summary>Files left because they could not be claimed or removed.</summary>
        public int NotClaimed { get; private set; }

        /// <summary>Files waiting in the outbox after the delivery.</summary>
        public int Remaining { get; private set; }

        /// <summary>The failure that stopped the delivery before the last file, if one did.</summary>
        public LibratoApiException? StoppedBy { get; private set; }

        public string Directory { get; }

        internal static OutboxDeliveryResult Run(MeasurementSender sender, Outbox outbox, MeasurementValidator validator, CancellationToken cancellationToken)
        {
            var result = new OutboxDeliveryResult(outbox.Directory);
            void Notify(SenderNotice notice)
            {
                switch (notice.Kind)
                {
                    case SenderNoticeKind.OutboxFileQuarantined:
                    case SenderNoticeKind.OutboxMeasurementsRefused:
                        result.Quarantined++;
                        break;
                    case SenderNoticeKind.OutboxFileInUse:
                        result.InUse++;
                        break;
                    case SenderNoticeKind.OutboxFileNotClaimed:
                    case SenderNoticeKind.OutboxFileNotRemoved:
                        result.NotClaimed++;
                        break;
                }

                sender.Notify(notice);
            }

            foreach (var claim in outbox.Claim(sender.Clock, Notify))
            {
                using (claim)
                {
                    if (!result.Deliver(sender, claim, validator, cancellationToken))
                    {
                        break;
                    }

                    if (claim.File.AllResolved)
                    {
                        result.Files++;
                        if (!claim.File.Remove(out var failure))
                        {
                            Notify(new SenderNotice(
                                SenderNoticeKind.OutboxFileNotRemoved,
                                $"The outbox file '{claim.Name}' was delivered but could not be removed ({failure!.Message}); it holds nothing left to send.",
                                null));
                        }
                    }
                }
            }

            result.Remaining = outbox.Count;
            return result;
        }

        /// <summary>Sends one file's unacknowledged measurements; false when a failure stopped it (the rest waits).</summary>
        private bool Deliver(MeasurementSender sender, OutboxClaim claim, MeasurementValidator validator, CancellationToken cancellationToken)
        {
            var now = sender.Clock.GetUtcNow().ToUnixTimeSeconds();
            var invalid = new List<MeasurementRefusal>();
            var invalidPositions = new List<int>();
            var count = 0;
            foreach (var position in claim.Unsent())
            {
                var m = claim.Content.Measurements[position];
                var error = validator.Validate(m, now);
                if (error != null)
                {
                    // Breaks the API's rules (a hand edit, a time now too old): it would be refused whole batch and all.
                    invalid.Add(new MeasurementRefusal(m, error.Message, null));
                    invalidPositions.Add(position);
                    continue;
                }

                sender.Add(m, new JournalRef(claim.File, position), claim);
                count++;
            }

            if (invalid.Count > 0)
            {
                claim.SetAside(invalid, invalidPositions);
            }

            sender.Flush();
            var stopped = false;
            while (sender.WaitForOutcome(cancellationToken))
            {
                while (sender.TryTakeOutcome(out var outcome))
                {
                    Batches++;
                    Sent += outcome!.Accepted.Count;
                    sender.CountDelivered(outcome.Accepted.Count);
                    if (outcome.Unsent.Count > 0)
                    {
                        stopped = true;
                        StoppedBy ??= outcome.Failure;
                    }
                }
            }

            if (!stopped)
            {
                sender.Notify(new SenderNotice(SenderNoticeKind.OutboxFileDelivered, $"Sent {count} measurement(s) from the outbox file '{claim.Name}'.", null));
            }

            return !stopped;
        }
    }
}
