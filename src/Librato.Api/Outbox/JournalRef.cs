namespace Librato.Api
{
    /// <summary>Where a measurement was written ahead: its outbox file and its position there; no file when it was not.</summary>
    internal readonly struct JournalRef
    {
        public JournalRef(OutboxFile file, int position)
        {
            File = file;
            Position = position;
        }

        public OutboxFile? File { get; }

        public int Position { get; }
    }
}
