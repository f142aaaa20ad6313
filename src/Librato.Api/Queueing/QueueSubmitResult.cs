using System.Collections.Generic;

namespace Librato.Api
{
    /// <summary>What one submission of a queue did.</summary>
    public sealed class QueueSubmitResult
    {
        public QueueSubmitResult(int sent, int batches, IReadOnlyList<FailedBatch> failed, int pending, LibratoApiException? stoppedBy)
        {
            Sent = sent;
            Batches = batches;
            Failed = failed;
            Pending = pending;
            StoppedBy = stoppedBy;
        }

        /// <summary>Measurements the API accepted.</summary>
        public int Sent { get; }

        /// <summary>Requests that succeeded.</summary>
        public int Batches { get; }

        /// <summary>Batches or measurements refused for good during this submission; they left the queue.</summary>
        public IReadOnlyList<FailedBatch> Failed { get; }

        /// <summary>Measurements still queued (added meanwhile, or kept after a transient failure).</summary>
        public int Pending { get; }

        /// <summary>The transient failure (server error, rate limit, timeout, connection) that stopped the submission, if any.</summary>
        public LibratoApiException? StoppedBy { get; }
    }
}
