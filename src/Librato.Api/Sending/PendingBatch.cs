using System.Collections.Generic;

namespace Librato.Api
{
    /// <summary>A batch on its way: its measurements (one route's), and where each was written ahead, if it was.</summary>
    internal sealed class PendingBatch
    {
        public PendingBatch(List<Measurement> items, List<JournalRef>? refs, IOutboxAcknowledger? acknowledger)
        {
            Items = items;
            Refs = refs;
            Acknowledger = acknowledger;
        }

        public List<Measurement> Items { get; }

        /// <summary>Parallel to <see cref="Items"/>; null when nothing was written ahead.</summary>
        public List<JournalRef>? Refs { get; }

        /// <summary>Where acknowledgements go: the run's journal, or a claimed outbox file being delivered.</summary>
        public IOutboxAcknowledger? Acknowledger { get; }
    }
}
