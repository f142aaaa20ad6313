using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Threading;

namespace Librato.Api
{
    /// <summary>
    /// A spool directory for batches that could not be delivered, so a scheduled task's next run sends them first.
    /// Files are written atomically (a temporary file renamed into place), claimed by an atomic rename so two runs
    /// at once never send the same file, deleted once the API accepted them, and moved to <c>quarantine</c> when they
    /// cannot be read.
    /// </summary>
    public sealed class Outbox
    {
        public const string Extension = ".batch.json";
        public const string QuarantineFolder = "quarantine";
        private const string ClaimMarker = ".sending-";

        /// <summary>A claim older than this belongs to a run that died; its file is offered again.</summary>
        public static readonly TimeSpan StaleClaim = TimeSpan.FromMinutes(15);

        private static int sequence;

        public Outbox(string directory)
        {
            Directory = Path.GetFullPath(directory);
        }

        public string Directory { get; }

        public string QuarantineDirectory => Path.Combine(Directory, QuarantineFolder);

        /// <summary>How many batches wait, not counting claimed ones.</summary>
        public int Count => Exists ? System.IO.Directory.GetFiles(Directory, "*" + Extension).Length : 0;

        private bool Exists => System.IO.Directory.Exists(Directory);

        /// <summary>Spools a batch; returns the file's name.</summary>
        public string Write(IReadOnlyList<Measurement> batch, string reason)
        {
            System.IO.Directory.CreateDirectory(Directory);

            // Sortable by creation time, then unique within and across processes.
            var name = DateTime.UtcNow.ToString("yyyyMMdd'T'HHmmssfffffff", CultureInfo.InvariantCulture) + "-" +
                Interlocked.Increment(ref sequence).ToString("D6", CultureInfo.InvariantCulture) + "-" +
                Guid.NewGuid().ToString("N").Substring(0, 8) + Extension;
            var temporary = Path.Combine(Directory, "." + name + ".tmp");
            using (var file = new FileStream(temporary, FileMode.CreateNew, FileAccess.Write, FileShare.None))
            {
                var bytes = OutboxJson.Write(batch, reason);
                file.Write(bytes, 0, bytes.Length);
                file.Flush(true);
            }

            File.Move(temporary, Path.Combine(Directory, name));
            return name;
        }

        /// <summary>
        /// Claims every waiting batch, oldest first. Files another run holds are skipped; unreadable ones are
        /// quarantined and reported through <paramref name="quarantined"/>.
        /// </summary>
        public IEnumerable<OutboxEntry> Claim(Action<string, string>? quarantined = null)
        {
            if (!Exists)
            {
                yield break;
            }

            RecoverStaleClaims();
            foreach (var partial in System.IO.Directory.GetFiles(Directory, ".*.tmp"))
            {
                // A write that never finished (the run died mid-write); it is never sent.
                if (DateTime.UtcNow - File.GetLastWriteTimeUtc(partial) >= StaleClaim)
                {
                    var partialName = Path.GetFileName(partial);
                    Quarantine(partial, partialName);
                    quarantined?.Invoke(partialName, "a partial write left by a run that stopped");
                }
            }

            var files = System.IO.Directory.GetFiles(Directory, "*" + Extension);
            Array.Sort(files, StringComparer.Ordinal);
            foreach (var path in files)
            {
                var name = Path.GetFileName(path);
                var claimed = path + ClaimMarker + Guid.NewGuid().ToString("N");
                try
                {
                    File.Move(path, claimed);

                    // A move keeps the old write time; the claim's age must count from now, or it would look stale.
                    File.SetLastWriteTimeUtc(claimed, DateTime.UtcNow);
                }
                catch (Exception ex) when (ex is IOException || ex is UnauthorizedAccessException)
                {
                    continue;
                }

                List<Measurement> measurements;
                try
                {
                    measurements = OutboxJson.Read(File.ReadAllBytes(claimed));
                }
                catch (InvalidDataException ex)
                {
                    Quarantine(claimed, name);
                    quarantined?.Invoke(name, ex.Message);
                    continue;
                }

                yield return new OutboxEntry(name, claimed, measurements);
            }
        }

        /// <summary>The batch was accepted: its file goes.</summary>
        public void Complete(OutboxEntry entry) => File.Delete(entry.ClaimedPath);

        /// <summary>The batch failed again: its file waits for the next run, under its old name and place in line.</summary>
        public void Release(OutboxEntry entry) => File.Move(entry.ClaimedPath, Path.Combine(Directory, entry.Name));

        /// <summary>The API refused the batch for good: it is set aside so it is neither lost nor sent again.</summary>
        public void Reject(OutboxEntry entry) => Quarantine(entry.ClaimedPath, entry.Name);

        private void Quarantine(string claimedPath, string name)
        {
            System.IO.Directory.CreateDirectory(QuarantineDirectory);
            File.Move(claimedPath, Path.Combine(QuarantineDirectory, name + "." + Guid.NewGuid().ToString("N").Substring(0, 8)));
        }

        private void RecoverStaleClaims()
        {
            foreach (var claimed in System.IO.Directory.GetFiles(Directory, "*" + Extension + ClaimMarker + "*"))
            {
                if (DateTime.UtcNow - File.GetLastWriteTimeUtc(claimed) < StaleClaim)
                {
                    continue;
                }

                var original = claimed.Substring(0, claimed.IndexOf(ClaimMarker, StringComparison.Ordinal));
                try
                {
                    File.Move(claimed, original);
                }
                catch (IOException)
                {
                    // Another run recovered it first.
                }
            }
        }
    }
}
