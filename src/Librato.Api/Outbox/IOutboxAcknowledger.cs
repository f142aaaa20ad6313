namespace Librato.Api
{
    /// <summary>Records in the outbox that measurements of a batch need no more sending (accepted, or refused and reported).</summary>
    internal interface IOutboxAcknowledger
    {
        /// <summary>Acknowledges the positions of <paramref name="outcome"/>'s <see cref="BatchOutcome.Resolved"/>.</summary>
        void Acknowledge(PendingBatch batch, BatchOutcome outcome);
    }
}
