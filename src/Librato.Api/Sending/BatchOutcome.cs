using System.Collections.Generic;

namespace Librato.Api
{
    /// <summary>Where the measurements of a batch that were not delivered went.</summary>
    public enum UnsentDisposition
    {
        /// <summary>Nothing was left unsent.</summary>
        None,

        /// <summary>They wait in the outbox for a later run.</summary>
        KeptInOutbox,

        /// <summary>There is no outbox: the caller reports them (they are nowhere else).</summary>
        NotKept,

        /// <summary>They could not be written to the outbox (see <see cref="BatchOutcome.OutboxFailure"/>): the caller reports them.</summary>
        OutboxWriteFailed,

        /// <summary>A queue keeps them for its next submission.</summary>
        KeptQueued,
    }

    /// <summary>A measurement the API refused (or a sender found it cannot send), and why.</summary>
    public sealed class MeasurementRefusal
    {
        public MeasurementRefusal(Measurement measurement, string reason, LibratoApiException? error)
        {
            Measurement = measurement;
            Reason = reason;
            Error = error;
        }

        public Measurement Measurement { get; }

        public string Reason { get; }

        /// <summary>The API's answer when it refused the request that carried it; null for a refusal of one item in a partly accepted batch.</summary>
        public LibratoApiException? Error { get; }
    }

    /// <summary>
    /// What became of one batch: which measurements the API accepted, which it refused (each with its reason), and
    /// which were not delivered (after retries, or not tried at all), with the failure and where they went.
    /// </summary>
    public sealed class BatchOutcome
    {
        internal BatchOutcome(
            IReadOnlyList<Measurement> batch,
            IReadOnlyList<Measurement> accepted,
            IReadOnlyList<MeasurementRefusal> refused,
            IReadOnlyList<Measurement> unsent,
            LibratoApiException? failure,
            bool attempted)
        {
            Batch = batch;
            Accepted = accepted;
            Refused = refused;
            Unsent = unsent;
            Failure = failure;
            Attempted = attempted;
        }

        public IReadOnlyList<Measurement> Batch { get; }

        public IReadOnlyList<Measurement> Accepted { get; }

        public IReadOnlyList<MeasurementRefusal> Refused { get; }

        /// <summary>What was not delivered; see <see cref="Disposition"/> for where it is now.</summary>
        public IReadOnlyList<Measurement> Unsent { get; }

        /// <summary>Why <see cref="Unsent"/> were not delivered.</summary>
        public LibratoApiException? Failure { get; }

        /// <summary>False when the unsent measurements were never tried (see <see cref="NotAttemptedReason"/>).</summary>
        public bool Attempted { get; }

        /// <summary>When the batch was not tried: the rule that kept it back, in words.</summary>
        public string? NotAttemptedReason { get; internal set; }

        public UnsentDisposition Disposition { get; internal set; }

        /// <summary>
        /// The unsent measurements that are in no outbox: all of them without one, those that could not be written
        /// to it with one. The caller reports them, as nothing else keeps them.
        /// </summary>
        public IReadOnlyList<Measurement> Unkept { get; internal set; } = System.Array.Empty<Measurement>();

        /// <summary>Why the unsent measurements could not be written to the outbox.</summary>
        public System.Exception? OutboxFailure { get; internal set; }

        /// <summary>The positions in <see cref="Batch"/> of the measurements accepted or refused: those the outbox acknowledges.</summary>
        internal IReadOnlyList<int> Resolved { get; set; } = System.Array.Empty<int>();

        /// <summary>The outbox folder the unsent measurements wait in, when they do.</summary>
        public string? OutboxDirectory { get; internal set; }
    }
}
