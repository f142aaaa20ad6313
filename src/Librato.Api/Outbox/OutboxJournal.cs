using System;
using System.Collections.Generic;
using System.IO;

namespace Librato.Api
{
    /// <summary>
    /// A run's write-ahead log in the outbox: every measurement handed to a sender is appended to an outbox file
    /// before its batch is sent, and acknowledged there once the API accepted it (or refused it and that was
    /// reported). Whatever a run leaves unacknowledged, because it failed, was stopped or was killed, is what the
    /// next run delivers. Files hold a bounded number of measurements, so a run that never ends (a continuous
    /// counter feed) keeps its outbox small: a file that is full and wholly acknowledged is removed. Thread-safe.
    /// </summary>
    internal sealed class OutboxJournal : IOutboxAcknowledger
    {
        /// <summary>Measurements per file: about 2 MB of lines.</summary>
        public const int DefaultFileCapacity = 20000;

        private readonly object gate = new object();
        private readonly Outbox outbox;
        private readonly TimeProvider clock;
        private readonly int fileCapacity;
        private readonly List<OutboxFile> files = new List<OutboxFile>();
        private readonly List<SenderNotice> notices = new List<SenderNotice>();
        private OutboxFile? current;
        private bool closed;

        public OutboxJournal(Outbox outbox, TimeProvider clock, int fileCapacity = DefaultFileCapacity)
        {
            this.outbox = outbox;
            this.clock = clock;
            this.fileCapacity = fileCapacity;
        }

        public Outbox Outbox => outbox;

        /// <summary>Why writing ahead stopped; null while it works. Measurements handed over since are in memory only.</summary>
        public Exception? Failure { get; private set; }

        /// <summary>Appends a measurement (to the buffer: <see cref="Commit"/> writes it); no reference when writing ahead stopped.</summary>
        public JournalRef Append(Measurement measurement)
        {
            lock (gate)
            {
                if (Failure != null || closed)
                {
                    return default;
                }

                if (current == null || current.Appended >= fileCapacity)
                {
                    if (!StartFile())
                    {
                        return default;
                    }
                }

                return new JournalRef(current!, current!.Append(measurement));
            }
        }

        /// <summary>Makes every measurement appended so far durable against the end of this process.</summary>
        public void Commit()
        {
            lock (gate)
            {
                if (current == null || Failure != null)
                {
                    return;
                }

                try
                {
                    current.Commit();
                }
                catch (Exception ex) when (OutboxFile.IsFileFailure(ex))
                {
                    Fail(ex);
                }
            }
        }

        public void Acknowledge(PendingBatch batch, BatchOutcome outcome)
        {
            if (batch.Refs == null)
            {
                return;
            }

            lock (gate)
            {
                foreach (var (file, positions) in ByFile(batch.Refs, outcome.Resolved))
                {
                    try
                    {
                        file.Acknowledge(positions);
                    }
                    catch (Exception ex) when (OutboxFile.IsFileFailure(ex))
                    {
                        notices.Add(new SenderNotice(
                            SenderNoticeKind.OutboxNotUpdated,
                            $"The outbox file '{file.Name}' could not record that {positions.Count} measurement(s) were delivered ({ex.Message}); a later run may send them again.",
                            null));
                    }

                    if (!ReferenceEquals(file, current) && file.AllResolved)
                    {
                        Remove(file);
                    }
                }
            }
        }

        /// <summary>Notices for the caller (files it could not update or remove); each is handed out once.</summary>
        public IReadOnlyList<SenderNotice> TakeNotices()
        {
            lock (gate)
            {
                var taken = notices.ToArray();
                notices.Clear();
                return taken;
            }
        }

        /// <summary>
        /// Ends the run's writing: files with nothing left to send are removed; the others are released to the outbox,
        /// where the next run finds them. Returns how many measurements they hold unsent.
        /// </summary>
        public int Close()
        {
            lock (gate)
            {
                // Once closed, the list of files is empty: closing again finds nothing to keep.
                closed = true;
                if (current != null && Failure == null)
                {
                    try
                    {
                        current.Commit();
                    }
                    catch (Exception ex) when (OutboxFile.IsFileFailure(ex))
                    {
                        Fail(ex);
                    }
                }

                current = null;
                var kept = 0;
                foreach (var file in files.ToArray())
                {
                    if (file.AllResolved)
                    {
                        Remove(file);
                    }
                    else
                    {
                        kept += file.Unresolved;
                        file.Dispose();
                        files.Remove(file);
                    }
                }

                return kept;
            }
        }

        /// <summary>The process is ending: what is buffered is written and every file is released as it is, to be delivered later.</summary>
        public void CloseForExit()
        {
            lock (gate)
            {
                if (closed)
                {
                    return;
                }

                closed = true;
                if (current != null && Failure == null)
                {
                    try
                    {
                        current.Commit();
                    }
                    catch (Exception ex) when (OutboxFile.IsFileFailure(ex))
                    {
                        Failure = ex;
                    }
                }

                foreach (var file in files)
                {
                    file.Dispose();
                }

                files.Clear();
                current = null;
            }
        }

        private bool StartFile()
        {
            if (current != null)
            {
                try
                {
                    current.Commit();
                }
                catch (Exception ex) when (OutboxFile.IsFileFailure(ex))
                {
                    Fail(ex);
                    return false;
                }

                if (current.AllResolved)
                {
                    Remove(current);
                }

                current = null;
            }

            try
            {
                current = outbox.CreateFile(clock);
                files.Add(current);
                return true;
            }
            catch (Exception ex) when (OutboxFile.IsFileFailure(ex))
            {
                Fail(ex);
                return false;
            }
        }

        private void Fail(Exception ex)
        {
            Failure = ex;
            notices.Add(new SenderNotice(
                SenderNoticeKind.WriteAheadStopped,
                $"The outbox '{outbox.Directory}' cannot be written ({ex.Message}); measurements are no longer written ahead, so those that cannot be sent are reported instead of kept.",
                null));
        }

        private void Remove(OutboxFile file)
        {
            files.Remove(file);
            if (!file.Remove(out var failure))
            {
                notices.Add(new SenderNotice(
                    SenderNoticeKind.OutboxFileNotRemoved,
                    $"The outbox file '{file.Name}' was delivered but could not be removed ({failure!.Message}); it holds nothing left to send.",
                    null));
            }
        }

        private static IEnumerable<(OutboxFile File, List<int> Positions)> ByFile(IReadOnlyList<JournalRef> refs, IReadOnlyList<int> indexes)
        {
            // Almost always one file, sometimes two (a batch spanning the file boundary).
            var groups = new List<(OutboxFile File, List<int> Positions)>(2);
            foreach (var index in indexes)
            {
                var r = refs[index];
                if (r.File == null)
                {
                    continue;
                }

                var group = groups.FindIndex(g => ReferenceEquals(g.File, r.File));
                if (group < 0)
                {
                    groups.Add((r.File, new List<int>()));
                    group = groups.Count - 1;
                }

                groups[group].Positions.Add(r.Position);
            }

            return groups;
        }
    }
}
