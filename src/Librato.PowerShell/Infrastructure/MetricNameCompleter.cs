using System;
using System.Collections;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Linq;
using System.Management.Automation;
using System.Management.Automation.Language;
using Librato.Api;

namespace Librato.PowerShell
{
    /// <summary>
    /// Completes metric names from the account: names containing what was typed, prefix matches first, cached per
    /// session and search for a minute, and silent when not connected or when the API cannot be reached.
    /// </summary>
    public sealed class MetricNameCompleter : IArgumentCompleter
    {
        private static readonly TimeSpan CacheLifetime = TimeSpan.FromMinutes(1);
        private static readonly ConcurrentDictionary<(LibratoSession, string), (DateTime At, List<string> Names)> Cache =
            new ConcurrentDictionary<(LibratoSession, string), (DateTime, List<string>)>();

        public IEnumerable<CompletionResult> CompleteArgument(
            string commandName, string parameterName, string wordToComplete, CommandAst commandAst, IDictionary fakeBoundParameters)
        {
            var session = (fakeBoundParameters?["Session"] as PSObject)?.BaseObject as LibratoSession
                ?? fakeBoundParameters?["Session"] as LibratoSession
                ?? SessionStore.Current;
            if (session == null || session.IsClosed)
            {
                return Array.Empty<CompletionResult>();
            }

            var typed = (wordToComplete ?? string.Empty).Trim('\'', '"').TrimEnd('*');
            var names = Names(session, typed);
            return names
                .OrderBy(n => n.StartsWith(typed, StringComparison.OrdinalIgnoreCase) ? 0 : 1)
                .ThenBy(n => n, StringComparer.OrdinalIgnoreCase)
                .Select(n => new CompletionResult(Quote(n), n, CompletionResultType.ParameterValue, n));
        }

        private static List<string> Names(LibratoSession session, string typed)
        {
            var key = (session, typed.ToLowerInvariant());
            if (Cache.TryGetValue(key, out var cached) && DateTime.UtcNow - cached.At < CacheLifetime)
            {
                return cached.Names;
            }

            var names = new List<string>();

            // A menu must not hang on retries: give the API three seconds at most.
            using var deadline = new System.Threading.CancellationTokenSource(TimeSpan.FromSeconds(3));
            try
            {
                // Two pages are plenty for a menu; a longer word narrows the search on the server.
                var page = session.Client.ListMetricsAsync(typed.Length == 0 ? null : typed, cancellationToken: deadline.Token).GetAwaiter().GetResult();
                names.AddRange(page.Items.Select(m => m.Name));
                if (page.HasMore)
                {
                    names.AddRange(session.Client.ListMetricsAsync(typed.Length == 0 ? null : typed, page.NextOffset, cancellationToken: deadline.Token).GetAwaiter().GetResult().Items.Select(m => m.Name));
                }
            }
            catch (Exception ex) when (ex is LibratoApiException || ex is ObjectDisposedException || ex is OperationCanceledException)
            {
                return names;
            }

            Cache[key] = (DateTime.UtcNow, names);
            return names;
        }

        private static string Quote(string name) =>
            name.IndexOfAny(new[] { ' ', '\'', '"', '$', '`', '(', ')', '{', '}', ';', ',', '@', '#' }) >= 0
                ? "'" + name.Replace("'", "''") + "'"
                : name;
    }
}
