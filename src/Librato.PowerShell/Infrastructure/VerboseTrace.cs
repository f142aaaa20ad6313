using System.Collections.Concurrent;
using Librato.Api;

namespace Librato.PowerShell
{
    /// <summary>
    /// Collects the core's request lines from any thread so the cmdlet can write them as verbose messages
    /// on the pipeline thread, the only thread allowed to write to the streams.
    /// </summary>
    internal sealed class VerboseTrace : IRequestTrace
    {
        private readonly ConcurrentQueue<string> lines = new ConcurrentQueue<string>();

        public void Write(string message) => lines.Enqueue(message);

        public bool TryTake(out string message) => lines.TryDequeue(out message!);
    }
}
