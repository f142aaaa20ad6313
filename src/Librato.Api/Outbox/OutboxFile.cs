using System;
using System.Collections.Generic;
using System.IO;

namespace Librato.Api
{
    /// <summary>
    /// One outbox file held open by this process: one a run writes ahead into, or one claimed to be delivered.
    /// Holding it open without sharing is the claim: Windows enforces the sharing mode, and .NET elsewhere takes an
    /// exclusive lock (flock) on it. Either is released by the system when the process ends, however it ends, so the
    /// file of a process that was killed is free to claim at once, and the file of a live one never is, however long
    /// its delivery takes. Not thread-safe: its owner serializes the calls.
    /// </summary>
    internal sealed class OutboxFile : IDisposable
    {
        // Windows' ERROR_SHARING_VIOLATION and ERROR_LOCK_VIOLATION; elsewhere .NET reports a held flock with the
        // errno of EWOULDBLOCK as the HResult: 11 on Linux, 35 on macOS and the BSDs.
        private const int SharingViolation = unchecked((int)0x80070020);
        private const int LockViolation = unchecked((int)0x80070021);
        private const int WouldBlockLinux = 11;
        private const int WouldBlockBsd = 35;

        private readonly PooledBuffer pending = new PooledBuffer(4096);
        private readonly System.Text.Json.Utf8JsonWriter writer;
        private readonly List<bool> resolved = new List<bool>();
        private FileStream? stream;
        private long committedLength;
        private int committed;
        private int resolvedCount;

        private OutboxFile(string path, FileStream stream, long length)
        {
            FullPath = path;
            this.stream = stream;
            committedLength = length;
            writer = OutboxJson.CreateWriter(pending);
        }

        public string FullPath { get; }

        public string Name => Path.GetFileName(FullPath);

        /// <summary>Measurement lines written, on disk or still in this process's buffer.</summary>
        public int Appended => resolved.Count;

        /// <summary>A write failed: the file keeps what was committed before, and takes nothing more.</summary>
        public bool IsBroken { get; private set; }

        /// <summary>Every measurement on disk was acknowledged, and none waits to be written.</summary>
        public bool AllResolved => resolvedCount == committed && committed == Appended;

        public int Unresolved => committed - resolvedCount;

        /// <summary>Creates a new file holding only the format line; it is this process's until released.</summary>
        public static OutboxFile Create(string path, long created)
        {
            var stream = new FileStream(path, FileMode.CreateNew, FileAccess.ReadWrite, FileShare.None, 1);
            var file = new OutboxFile(path, stream, 0);
            try
            {
                OutboxJson.WriteHeader(file.writer, file.pending, created);
                file.Commit();
                return file;
            }
            catch
            {
                file.Dispose();
                TryDelete(path);
                throw;
            }
        }

        /// <summary>Claims an existing file; throws <see cref="IOException"/> (see <see cref="IsInUse"/>) when another process holds it.</summary>
        public static OutboxFile Open(string path)
        {
            var stream = new FileStream(path, FileMode.Open, FileAccess.ReadWrite, FileShare.None, 1);
            return new OutboxFile(path, stream, stream.Length);
        }

        /// <summary>Whether an exception from <see cref="Open"/> means that another process holds the file.</summary>
        public static bool IsInUse(Exception ex) => ex is IOException && !(ex is FileNotFoundException) &&
            (ex.HResult == SharingViolation || ex.HResult == LockViolation || ex.HResult == WouldBlockLinux || ex.HResult == WouldBlockBsd);

        /// <summary>Whether an exception is the file system's refusal (full, read-only, denied, gone), which callers report and survive.</summary>
        internal static bool IsFileFailure(Exception ex) =>
            ex is IOException || ex is UnauthorizedAccessException || ex is NotSupportedException || ex is System.Security.SecurityException;

        /// <summary>Reads the whole file, and takes its acknowledgements as this file's own.</summary>
        public OutboxContent Read()
        {
            var s = Stream;
            var bytes = new byte[s.Length];
            s.Position = 0;
            var read = 0;

            // Stryker disable once Equality,Arithmetic : a file returns all that is asked at once; the loop is for the rare short read
            while (read < bytes.Length)
            {
                // Stryker disable once Arithmetic : as above
                var n = s.Read(bytes, read, bytes.Length - read);
                if (n == 0)
                {
                    break;
                }

                read += n;
            }

            var content = OutboxJson.Read(bytes);

            // An unfinished last line (a write cut short by a kill) is cut off, so that appends start on a line of their own.
            var complete = Array.LastIndexOf(bytes, (byte)'\n', read - 1) + 1;

            // Stryker disable once Equality : cutting a file to its own length changes nothing
            if (complete < s.Length)
            {
                s.SetLength(complete);
            }

            s.Position = complete;
            committedLength = complete;
            resolved.Clear();
            resolvedCount = 0;
            foreach (var acked in content.Acknowledged)
            {
                resolved.Add(acked);
                resolvedCount += acked ? 1 : 0;
            }

            committed = resolved.Count;
            return content;
        }

        /// <summary>Adds a measurement line to the buffer; returns its position. <see cref="Commit"/> writes it.</summary>
        public int Append(Measurement measurement)
        {
            OutboxJson.WriteMeasurement(writer, pending, measurement);
            resolved.Add(false);
            return resolved.Count - 1;
        }

        /// <summary>Whether the measurement at this position is on disk (a later read of the file will find it).</summary>
        public bool IsDurable(int position) => position < committed;

        /// <summary>
        /// Writes the buffered lines with one write. When that fails (a full disk), the file is cut back to what it
        /// held before, so it never ends in a partial line it could not finish, and takes nothing more.
        /// </summary>
        public void Commit()
        {
            if (pending.Length == 0)
            {
                return;
            }

            if (IsBroken)
            {
                throw new IOException("An earlier write to this outbox file failed.");
            }

            var s = Stream;
            try
            {
                // Unbuffered (buffer size 1): the write is the system call, and what it wrote survives this process.
                s.Write(pending.Array, 0, pending.Length);
            }
            catch (Exception ex) when (IsFileFailure(ex))
            {
                IsBroken = true;
                try
                {
                    s.SetLength(committedLength);
                    s.Position = committedLength;
                }
                catch (Exception cut) when (IsFileFailure(cut))
                {
                    // The file may end in a partial line; readers ignore an unfinished last line.
                }

                pending.Clear();
                throw;
            }

            committedLength += pending.Length;
            pending.Clear();
            committed = resolved.Count;
        }

        /// <summary>Records that these positions (in any order) were accepted or refused and reported.</summary>
        public void Acknowledge(IReadOnlyList<int> positions)
        {
            // Measurement lines still buffered go to disk first, so that every position acknowledged is on it.
            Commit();
            var fresh = new List<int>(positions.Count);
            foreach (var p in positions)
            {
                if (p >= 0 && p < committed && !resolved[p])
                {
                    fresh.Add(p);
                }
            }

            if (fresh.Count == 0)
            {
                return;
            }

            // In ranges: a batch's positions come in order, a file's quarantined ones may not.
            fresh.Sort();
            OutboxJson.WriteAck(writer, pending, fresh);
            Commit();
            foreach (var p in fresh)
            {
                resolved[p] = true;
            }

            resolvedCount += fresh.Count;
        }

        /// <summary>Lets the file go: to the disk first (it may be all that is left of its measurements), then the claim.</summary>
        public void Release()
        {
            var s = stream;
            stream = null;
            if (s == null)
            {
                return;
            }

            try
            {
                // Stryker disable once all : to the disk itself (fsync): only a power cut tells the difference.
                s.Flush(true);
            }
            catch (Exception ex) when (IsFileFailure(ex))
            {
                // What was written is in the system's cache and survives the process; only a power cut could lose it.
            }
            finally
            {
                s.Dispose();
            }
        }

        /// <summary>Releases the file and removes it; false, with the reason, when it could not be removed.</summary>
        public bool Remove(out Exception? failure)
        {
            // Released first: Windows does not delete a file that is open. Only files with nothing left to send are
            // removed, so a run that claims it in between finds nothing to send either.
            Release();
            failure = TryDelete(FullPath);
            return failure == null;
        }

        public void Dispose()
        {
            Release();
            writer.Dispose();
            pending.Dispose();
        }

        internal static Exception? TryDelete(string path)
        {
            try
            {
                File.Delete(path);
                return null;
            }
            catch (Exception ex) when (IsFileFailure(ex))
            {
                return ex;
            }
        }

        private FileStream Stream => stream ?? throw new ObjectDisposedException(nameof(OutboxFile), "This outbox file was released.");
    }
}
