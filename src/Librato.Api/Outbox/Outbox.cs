using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Threading;

namespace Librato.Api
{
    /// <summary>
    /// A folder where measurements wait until the API has them, so that a scheduled task's next run sends what this
    /// one could not. Each run writes what it is handed ahead into files of its own (see <see cref="OutboxJournal"/>)
    /// and acknowledges there what was delivered; the next run claims the files left over and sends what they hold
    /// unacknowledged, oldest first. A claim is an open file no other process may open (see <see cref="OutboxFile"/>),
    /// so two runs never send the same file, and a killed run's files are free at once. A file that does not read as
    /// an outbox file, and measurements the API refused, are moved to <see cref="QuarantineFolder"/>.
    /// </summary>
    public sealed class Outbox
    {
        public const string Extension = ".outbox.jsonl";
        public const string QuarantineFolder = "quarantine";

        private static int sequence;

        public Outbox(string directory)
        {
            Directory = Path.GetFullPath(directory);
        }

        public string Directory { get; }

        public string QuarantineDirectory => Path.Combine(Directory, QuarantineFolder);

        /// <summary>How many files wait in the outbox, those a running send holds included; 0 when it does not exist or cannot be listed.</summary>
        public int Count
        {
            get
            {
                try
                {
                    return System.IO.Directory.GetFiles(Directory, "*" + Extension).Length;
                }
                catch (Exception ex) when (OutboxFile.IsFileFailure(ex))
                {
                    return 0;
                }
            }
        }

        /// <summary>A new file of this process's, named so that names sort oldest first.</summary>
        internal OutboxFile CreateFile(TimeProvider clock) =>
            OutboxFile.Create(CreatePath(Directory, clock), clock.GetUtcNow().ToUnixTimeSeconds());

        /// <summary>
        /// Writes measurements that were never written ahead into a file of their own, whole or not at all: when a write
        /// fails, the file is removed and the exception thrown, so the caller knows exactly what is not kept.
        /// </summary>
        internal string Spool(IReadOnlyList<Measurement> measurements, TimeProvider clock) => Write(Directory, measurements, clock);

        /// <summary>Moves measurements the API refused aside, so that they are neither lost nor sent again.</summary>
        internal string QuarantineMeasurements(IReadOnlyList<Measurement> measurements, TimeProvider clock) =>
            Write(QuarantineDirectory, measurements, clock);

        /// <summary>
        /// Claims the files waiting, oldest first, one at a time as the caller asks for the next: files another run holds
        /// are skipped (<see cref="SenderNoticeKind.OutboxFileInUse"/>), files that cannot be opened are left and
        /// reported, files that do not read are quarantined, files with nothing left to send are removed.
        /// </summary>
        internal IEnumerable<OutboxClaim> Claim(TimeProvider clock, Action<SenderNotice> notify)
        {
            foreach (var path in Waiting(notify))
            {
                var claim = TryClaim(path, clock, notify);
                if (claim != null)
                {
                    yield return claim;
                }
            }
        }

        /// <summary>The outbox files, oldest first; none when the folder does not exist or cannot be listed (said so).</summary>
        private string[] Waiting(Action<SenderNotice> notify)
        {
            try
            {
                if (!System.IO.Directory.Exists(Directory))
                {
                    return Array.Empty<string>();
                }

                var paths = System.IO.Directory.GetFiles(Directory, "*" + Extension);
                Array.Sort(paths, StringComparer.Ordinal);
                return paths;
            }
            catch (Exception ex) when (OutboxFile.IsFileFailure(ex))
            {
                notify(new SenderNotice(SenderNoticeKind.OutboxFileNotClaimed, $"The outbox '{Directory}' cannot be read ({ex.Message}).", null));
                return Array.Empty<string>();
            }
        }

        private OutboxClaim? TryClaim(string path, TimeProvider clock, Action<SenderNotice> notify)
        {
            var name = Path.GetFileName(path);
            OutboxFile file;
            try
            {
                file = OutboxFile.Open(path);
            }
            catch (FileNotFoundException)
            {
                // Delivered and removed by another run since the folder was listed.
                return null;
            }
            catch (Exception ex) when (OutboxFile.IsInUse(ex))
            {
                notify(new SenderNotice(SenderNoticeKind.OutboxFileInUse, $"The outbox file '{name}' is in use by another running send, which delivers it.", null));
                return null;
            }
            catch (Exception ex) when (OutboxFile.IsFileFailure(ex))
            {
                notify(new SenderNotice(
                    SenderNoticeKind.OutboxFileNotClaimed,
                    $"The outbox file '{name}' cannot be claimed ({ex.Message}); it stays in '{Directory}' and is not sent. Check the folder's permissions.",
                    null));
                return null;
            }

            OutboxContent content;
            try
            {
                // A file that was removed after this process opened it was delivered by another run (it only removes
                // files with nothing left to send): there is nothing to do.
                if (!File.Exists(path))
                {
                    file.Dispose();
                    return null;
                }

                content = file.Read();
            }
            catch (Exception ex) when (ex is InvalidDataException || OutboxFile.IsFileFailure(ex))
            {
                file.Dispose();
                QuarantineFile(path, name, ex.Message, notify);
                return null;
            }

            if (file.AllResolved)
            {
                if (!file.Remove(out var failure))
                {
                    notify(new SenderNotice(
                        SenderNoticeKind.OutboxFileNotRemoved,
                        $"The outbox file '{name}' holds nothing left to send but could not be removed ({failure!.Message}).",
                        null));
                }

                file.Dispose();
                return null;
            }

            return new OutboxClaim(this, file, content, clock, notify);
        }

        private void QuarantineFile(string path, string name, string reason, Action<SenderNotice> notify)
        {
            try
            {
                System.IO.Directory.CreateDirectory(QuarantineDirectory);
                File.Move(path, Path.Combine(QuarantineDirectory, name + "." + Guid.NewGuid().ToString("N").Substring(0, 8)));
                notify(new SenderNotice(
                    SenderNoticeKind.OutboxFileQuarantined,
                    $"The outbox file '{name}' could not be read ({reason}); it was moved to '{QuarantineDirectory}' and will not be sent.",
                    null));
            }
            catch (Exception ex) when (OutboxFile.IsFileFailure(ex))
            {
                notify(new SenderNotice(
                    SenderNoticeKind.OutboxFileNotClaimed,
                    $"The outbox file '{name}' could not be read ({reason}) nor moved to '{QuarantineDirectory}' ({ex.Message}); it is left where it is and not sent.",
                    null));
            }
        }

        private static string Write(string directory, IReadOnlyList<Measurement> measurements, TimeProvider clock)
        {
            var file = OutboxFile.Create(CreatePath(directory, clock), clock.GetUtcNow().ToUnixTimeSeconds());
            try
            {
                foreach (var m in measurements)
                {
                    file.Append(m);
                }

                file.Commit();
                file.Dispose();
                return file.Name;
            }
            catch
            {
                file.Dispose();
                OutboxFile.TryDelete(file.FullPath);
                throw;
            }
        }

        private static string CreatePath(string directory, TimeProvider clock)
        {
            System.IO.Directory.CreateDirectory(directory);

            // Sortable by creation time, then unique within and across processes.
            var name = clock.GetUtcNow().UtcDateTime.ToString("yyyyMMdd'T'HHmmssfffffff", CultureInfo.InvariantCulture) + "-" +
                Interlocked.Increment(ref sequence).ToString("D6", CultureInfo.InvariantCulture) + "-" +
                Guid.NewGuid().ToString("N").Substring(0, 8) + Extension;
            return Path.Combine(directory, name);
        }
    }

    /// <summary>
    /// An outbox file this process claimed to deliver: what it holds, and which of it is still to send. Measurements the
    /// API refuses are copied to the quarantine folder before they are acknowledged, so they are neither lost nor sent again.
    /// </summary>
    internal sealed class OutboxClaim : IOutboxAcknowledger, IDisposable
    {
        private readonly Outbox outbox;
        private readonly TimeProvider clock;
        private readonly Action<SenderNotice> notify;

        // Batches of one file settle on whichever threads their answers come: their acknowledgements share the file's
        // buffer and position, so they take turns.
        private readonly object gate = new object();

        public OutboxClaim(Outbox outbox, OutboxFile file, OutboxContent content, TimeProvider clock, Action<SenderNotice> notify)
        {
            this.outbox = outbox;
            File = file;
            Content = content;
            this.clock = clock;
            this.notify = notify;
        }

        public OutboxFile File { get; }

        public OutboxContent Content { get; }

        public string Name => File.Name;

        /// <summary>The positions of the measurements not yet acknowledged, in order.</summary>
        public IReadOnlyList<int> Unsent()
        {
            var positions = new List<int>();
            for (var i = 0; i < Content.Acknowledged.Length; i++)
            {
                if (!Content.Acknowledged[i])
                {
                    positions.Add(i);
                }
            }

            return positions;
        }

        public void Acknowledge(PendingBatch batch, BatchOutcome outcome)
        {
            if (batch.Refs == null)
            {
                return;
            }

            lock (gate)
            {
                // Refused measurements not kept anywhere else stay unacknowledged here, and are tried again by a later run.
                HashSet<Measurement>? unkept = null;
                if (outcome.Refused.Count > 0 && !Quarantine(outcome.Refused))
                {
                    unkept = new HashSet<Measurement>();
                    foreach (var r in outcome.Refused)
                    {
                        unkept.Add(r.Measurement);
                    }
                }

                var positions = new List<int>(outcome.Resolved.Count);
                foreach (var i in outcome.Resolved)
                {
                    if (unkept == null || !unkept.Contains(batch.Items[i]))
                    {
                        positions.Add(batch.Refs[i].Position);
                    }
                }

                File.Acknowledge(positions);
            }
        }

        /// <summary>
        /// Sets aside measurements of this file that were not sent (they break the API's rules) and acknowledges them
        /// once they are kept in the quarantine folder; while batches of the same file may be settling.
        /// </summary>
        public void SetAside(IReadOnlyList<MeasurementRefusal> invalid, IReadOnlyList<int> positions)
        {
            lock (gate)
            {
                if (!Quarantine(invalid))
                {
                    return;
                }

                try
                {
                    File.Acknowledge(positions);
                }
                catch (Exception ex) when (OutboxFile.IsFileFailure(ex))
                {
                    notify(new SenderNotice(
                        SenderNoticeKind.OutboxNotUpdated,
                        $"The outbox file '{Name}' could not record that {positions.Count} measurement(s) were set aside ({ex.Message}); a later run may set them aside again.",
                        null));
                }
            }
        }

        /// <summary>Sets refused measurements aside in the quarantine folder, saying so; false when they could not be written there.</summary>
        private bool Quarantine(IReadOnlyList<MeasurementRefusal> refused)
        {
            var measurements = new List<Measurement>(refused.Count);
            foreach (var r in refused)
            {
                measurements.Add(r.Measurement);
            }

            try
            {
                var name = outbox.QuarantineMeasurements(measurements, clock);
                notify(new SenderNotice(
                    SenderNoticeKind.OutboxMeasurementsRefused,
                    $"{refused.Count} measurement(s) from the outbox file '{Name}' were refused ({refused[0].Reason}); they were moved to '{outbox.QuarantineDirectory}' as '{name}' and will not be sent again.",
                    measurements,
                    refused[0].Error));
                return true;
            }
            catch (Exception ex) when (OutboxFile.IsFileFailure(ex))
            {
                notify(new SenderNotice(
                    SenderNoticeKind.OutboxNotUpdated,
                    $"{refused.Count} measurement(s) from the outbox file '{Name}' were refused ({refused[0].Reason}) and could not be moved to '{outbox.QuarantineDirectory}' ({ex.Message}); they stay in the outbox.",
                    measurements,
                    refused[0].Error));
                return false;
            }
        }

        public void Dispose() => File.Dispose();
    }
}
