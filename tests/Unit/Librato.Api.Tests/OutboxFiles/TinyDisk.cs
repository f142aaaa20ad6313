using System;
using System.Diagnostics;
using System.IO;
using Xunit;

namespace Librato.Api.Tests.OutboxFiles
{
    /// <summary>
    /// A real small file system (a tmpfs mounted for the test), so that "disk full" and "read-only" are the system's
    /// own errors, not simulated ones. Mounting needs Linux and root (CAP_SYS_ADMIN); elsewhere the tests are skipped.
    /// </summary>
    internal sealed class TinyDisk : IDisposable
    {
        private static readonly Lazy<string?> Unavailable = new Lazy<string?>(Probe);

        private TinyDisk(string path)
        {
            Path = path;
        }

        public string Path { get; }

        /// <summary>Why no tmpfs can be mounted here, or null when one can.</summary>
        public static string? WhyUnavailable => Unavailable.Value;

        public static TinyDisk Mount(string size)
        {
            var path = System.IO.Path.Combine(System.IO.Path.GetTempPath(), "tiny-disk-" + Guid.NewGuid().ToString("N"));
            Directory.CreateDirectory(path);
            Run("mount", "-t", "tmpfs", "-o", "size=" + size, "tmpfs", path);
            return new TinyDisk(path);
        }

        /// <summary>Fills what is left of the disk with a file of its own (removing it frees the space again).</summary>
        public string Fill()
        {
            var filler = System.IO.Path.Combine(Path, "filler");
            var chunk = new byte[512];
            using (var s = new FileStream(filler, FileMode.Append, FileAccess.Write, FileShare.ReadWrite, 1))
            {
                try
                {
                    while (true)
                    {
                        s.Write(chunk, 0, chunk.Length);
                    }
                }
                catch (IOException)
                {
                    // Full.
                }

                try
                {
                    // The last bytes of the last page, one at a time.
                    while (true)
                    {
                        s.Write(chunk, 0, 1);
                    }
                }
                catch (IOException)
                {
                }
            }

            return filler;
        }

        public void MakeReadOnly() => Run("mount", "-o", "remount,ro", Path);

        public void Dispose()
        {
            Run("umount", "-l", Path);
            Directory.Delete(Path);
        }

        private static string? Probe()
        {
            if (!OperatingSystem.IsLinux())
            {
                return "a tmpfs can only be mounted on Linux";
            }

            try
            {
                Mount("64k").Dispose();
                return null;
            }
            catch (Exception ex) when (ex is InvalidOperationException || ex is System.ComponentModel.Win32Exception)
            {
                return "mounting a tmpfs needs root (CAP_SYS_ADMIN): " + ex.Message;
            }
        }

        private static void Run(string command, params string[] arguments)
        {
            var start = new ProcessStartInfo(command) { RedirectStandardError = true, RedirectStandardOutput = true };
            foreach (var a in arguments)
            {
                start.ArgumentList.Add(a);
            }

            using var process = Process.Start(start)!;
            var error = process.StandardError.ReadToEnd();
            process.WaitForExit();
            if (process.ExitCode != 0)
            {
                throw new InvalidOperationException($"{command} {string.Join(" ", arguments)}: {error.Trim()}");
            }
        }
    }

    /// <summary>A test that needs a <see cref="TinyDisk"/>; skipped, saying why, where none can be mounted.</summary>
    public sealed class TinyDiskFactAttribute : FactAttribute
    {
        public TinyDiskFactAttribute()
        {
            if (TinyDisk.WhyUnavailable is string why)
            {
                Skip = why;
            }
        }
    }
}
