using System.Collections.Generic;

namespace Librato.Api
{
    /// <summary>A spooled batch claimed by this process: its measurements and the file that holds it while claimed.</summary>
    public sealed class OutboxEntry
    {
        internal OutboxEntry(string name, string claimedPath, IReadOnlyList<Measurement> measurements)
        {
            Name = name;
            ClaimedPath = claimedPath;
            Measurements = measurements;
        }

        /// <summary>The spool file's name (its creation time first, so names sort oldest first).</summary>
        public string Name { get; }

        internal string ClaimedPath { get; }

        public IReadOnlyList<Measurement> Measurements { get; }
    }
}
