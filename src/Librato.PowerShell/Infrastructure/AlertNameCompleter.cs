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
    /// Completes alert names from the account: names containing what was typed, prefix matches first, cached per
    /// session and search for a minute, and silent when not connected or when the API cannot be reached.
    /// </summary>
    public sealed class AlertNameCompleter : IArgumentCompleter
    {
        private static readonly ConcurrentDictionary<(LibratoSession, string), (DateTime At, List<string> Names)> Cache =
            new ConcurrentDictionary<(LibratoSession, string), (DateTime, List<string>)>();

        public IEnumerable<CompletionResult> CompleteArgument(
            string commandName, string parameterName, string wordToComplete, CommandAst commandAst, IDictionary fakeBoundParameters)
        {
            var session = Completion.SessionOf(fakeBoundParameters);
            if (session == null)
            {
                return Array.Empty<CompletionResult>();
            }

            var typed = Completion.Typed(wordToComplete);
            return Completion.Results(Names(session, typed), typed);
        }

        private static List<string> Names(LibratoSession session, string typed)
        {
            var key = (session, typed.ToLowerInvariant());
            if (Cache.TryGetValue(key, out var cached) && DateTime.UtcNow - cached.At < Completion.CacheLifetime)
            {
                return cached.Names;
            }

            var names = new List<string>();
            try
            {
                // Two pages are plenty for a menu; a longer word narrows the search on the server.
                var filter = typed.Length == 0 ? null : typed;
                var page = session.Client.ListAlertsAsync(filter).GetAwaiter().GetResult();
                names.AddRange(page.Items.Select(a => a.Name));
                if (page.HasMore)
                {
                    names.AddRange(session.Client.ListAlertsAsync(filter, page.NextOffset).GetAwaiter().GetResult().Items.Select(a => a.Name));
                }
            }
            catch (Exception ex) when (ex is LibratoApiException || ex is ObjectDisposedException)
            {
                return names;
            }

            Cache[key] = (DateTime.UtcNow, names);
            return names;
        }
    }
}
