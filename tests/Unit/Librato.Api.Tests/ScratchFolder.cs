using System;
using System.IO;
using System.Linq;

namespace Librato.Api.Tests
{
    /// <summary>A folder of the test's own under the temporary folder (not created until used), removed with what it holds.</summary>
    internal sealed class ScratchFolder : IDisposable
    {
        public ScratchFolder(string prefix)
        {
            Path = System.IO.Path.Combine(System.IO.Path.GetTempPath(), prefix + "-" + Guid.NewGuid().ToString("N"));
        }

        public string Path { get; }

        /// <summary>The outbox files in the folder, in name order (oldest first); none when it does not exist.</summary>
        public string[] OutboxFiles() =>
            Directory.Exists(Path)
                ? Directory.GetFiles(Path, "*" + Api.Outbox.Extension).OrderBy(f => f, StringComparer.Ordinal).ToArray()
                : Array.Empty<string>();

        public void Dispose()
        {
            if (Directory.Exists(Path))
            {
                Directory.Delete(Path, recursive: true);
            }
        }
    }
}
