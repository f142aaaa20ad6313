using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Text.RegularExpressions;

namespace Librato.Api.Tests
{
    /// <summary>A request trace that keeps its lines, from any thread.</summary>
    internal sealed class ListTrace : IRequestTrace
    {
        private static readonly Regex RetryLine = new Regex(@"^Retrying \S+ \S+ in (?<seconds>[0-9.]+) s ");

        public List<string> Lines { get; } = new List<string>();

        public void Write(string message)
        {
            lock (Lines)
            {
                Lines.Add(message);
            }
        }

        /// <summary>The waits before each retry, in seconds, as the transport chose them (to a millisecond).</summary>
        public List<double> RetryWaits()
        {
            lock (Lines)
            {
                return Lines.Select(l => RetryLine.Match(l))
                    .Where(m => m.Success)
                    .Select(m => double.Parse(m.Groups["seconds"].Value, CultureInfo.InvariantCulture))
                    .ToList();
            }
        }
    }
}
