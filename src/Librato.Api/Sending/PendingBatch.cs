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

        public bool IsTagged => Items.Count > 0 && Items[0].IsTagged;

        /// <summary>Whether every measurement is on disk in the outbox (a later run will find it).</summary>
        public bool IsDurable()
        {
            if (Refs == null)
            {
                return false;
            }

            foreach (var r in Refs)
            {
                if (r.File == null || !r.File.IsDurable(r.Position))
                {
                    return false;
                }
            }

            return true;
        }
    }
}
