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
    /// Completes service titles from the account (which has few services, so the whole list is cached per session
    /// for a minute); silent when not connected or when the API cannot be reached.
    /// </summary>
    public sealed class ServiceTitleCompleter : IArgumentCompleter
    {
        private const int MaxPages = 5;

        private static readonly ConcurrentDictionary<LibratoSession, (DateTime At, List<string> Titles)> Cache =
            new ConcurrentDictionary<LibratoSession, (DateTime, List<string>)>();

        public IEnumerable<CompletionResult> CompleteArgument(
            string commandName, string parameterName, string wordToComplete, CommandAst commandAst, IDictionary fakeBoundParameters)
        {
            var session = Completion.SessionOf(fakeBoundParameters);
            if (session == null)
            {
                return Array.Empty<CompletionResult>();
            }

            var typed = Completion.Typed(wordToComplete);
            var titles = Titles(session).Where(t => t.IndexOf(typed, StringComparison.OrdinalIgnoreCase) >= 0);
            return Completion.Results(titles.Distinct(StringComparer.OrdinalIgnoreCase), typed);
        }

        private static List<string> Titles(LibratoSession session)
        {
            if (Cache.TryGetValue(session, out var cached) && DateTime.UtcNow - cached.At < Completion.CacheLifetime)
            {
                return cached.Titles;
            }

            var titles = new List<string>();
            try
            {
                var offset = 0;
                for (var pages = 0; pages < MaxPages; pages++)
                {
                    var page = session.Client.ListServicesAsync(offset).GetAwaiter().GetResult();
                    titles.AddRange(page.Items.Select(s => s.Title));
                    if (!page.HasMore)
                    {
                        break;
                    }

                    offset = page.NextOffset;
                }
            }
            catch (Exception ex) when (ex is LibratoApiException || ex is ObjectDisposedException)
            {
                return titles;
            }

            Cache[session] = (DateTime.UtcNow, titles);
            return titles;
        }
    }
}
