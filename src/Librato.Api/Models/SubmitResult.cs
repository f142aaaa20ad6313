using System.Collections.Generic;

namespace Librato.Api
{
    /// <summary>What the API accepted of one batch, and what it refused (by position in the batch).</summary>
    public sealed class SubmitResult
    {
        public SubmitResult(int accepted, IReadOnlyList<RejectedMeasurement> rejected)
        {
            Accepted = accepted;
            Rejected = rejected;
        }

        public int Accepted { get; }

        public IReadOnlyList<RejectedMeasurement> Rejected { get; }

        public static SubmitResult AllAccepted(int count) => new SubmitResult(count, new RejectedMeasurement[0]);
    }
}
