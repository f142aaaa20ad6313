using System;
using System.Collections;
using System.Collections.Generic;
using System.Linq;
using System.Management.Automation;

namespace Librato.PowerShell
{
    /// <summary>What the alert and service completers share: the session to ask, the typed word, ordering and quoting.</summary>
    internal static class Completion
    {
        public static readonly TimeSpan CacheLifetime = TimeSpan.FromMinutes(1);

        private static readonly char[] NeedsQuotes = { ' ', '\'', '"', '$', '`', '(', ')', '{', '}', ';', ',', '@', '#', '|', '&', '<', '>', '[', ']', '*', '?' };

        public static LibratoSession? SessionOf(IDictionary? fakeBoundParameters)
        {
            var session = (fakeBoundParameters?["Session"] as PSObject)?.BaseObject as LibratoSession
                ?? fakeBoundParameters?["Session"] as LibratoSession
                ?? SessionStore.Current;
            return session == null || session.IsClosed ? null : session;
        }

        public static string Typed(string? wordToComplete) => (wordToComplete ?? string.Empty).Trim('\'', '"').TrimEnd('*');

        public static IEnumerable<CompletionResult> Results(IEnumerable<string> names, string typed) =>
            names
                .OrderBy(n => n.StartsWith(typed, StringComparison.OrdinalIgnoreCase) ? 0 : 1)
                .ThenBy(n => n, StringComparer.OrdinalIgnoreCase)
                .Select(n => new CompletionResult(Quote(n), n, CompletionResultType.ParameterValue, n));

        private static string Quote(string name) =>
            name.IndexOfAny(NeedsQuotes) >= 0 ? "'" + name.Replace("'", "''") + "'" : name;
    }
}
