using System;
using System.Collections;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Linq;
using System.Management.Automation;
using System.Management.Automation.Language;
using System.Threading;
using System.Threading.Tasks;
using Librato.Api;

namespace Librato.PowerShell
{
    /// <summary>
    /// The shared part of the completers for names that live in the account (metrics, alerts, services...): what was
    /// typed is searched (on the server when it can search, else locally), the first pages are cached per session and
    /// search for a minute, a menu never waits on retries for more than a few seconds, and nothing is shown (no error
    /// either) when not connected or when the API cannot be reached.
    /// </summary>
    public abstract class NameCompleter : IArgumentCompleter
    {
        private static readonly TimeSpan Deadline = TimeSpan.FromSeconds(3);
        // Static: PowerShell makes a new completer object for every completion.
        private static readonly ConcurrentDictionary<(Type, LibratoSession, string), (DateTime At, List<string> Names)> Cache =
            new ConcurrentDictionary<(Type, LibratoSession, string), (DateTime, List<string>)>();

        // Sessions whose endpoint did not answer a menu: Tab returns at once for a minute instead of waiting each time.
        private static readonly ConcurrentDictionary<LibratoSession, DateTime> Unanswered = new ConcurrentDictionary<LibratoSession, DateTime>();

        public IEnumerable<CompletionResult> CompleteArgument(
            string commandName, string parameterName, string wordToComplete, CommandAst commandAst, IDictionary fakeBoundParameters)
        {
            var session = Completion.SessionOf(fakeBoundParameters);
            if (session == null)
            {
                return Array.Empty<CompletionResult>();
            }

            var typed = Completion.Typed(wordToComplete);
            var search = ServerSearches ? typed : string.Empty;
            if (Scoped)
            {
                // Names that belong to something the command names already (the tags of its metric): none without it.
                var scope = ScopeOf(fakeBoundParameters);
                if (scope == null)
                {
                    return Array.Empty<CompletionResult>();
                }

                search = scope;
            }

            var names = Names(session, search)
                .Where(n => n.IndexOf(typed, StringComparison.OrdinalIgnoreCase) >= 0)
                .Distinct(StringComparer.OrdinalIgnoreCase);
            return Completion.Results(names, typed);
        }

        /// <summary>True when the names belong to something given in another parameter (<see cref="ScopeOf"/>), which is then the search.</summary>
        protected virtual bool Scoped => false;

        /// <summary>What the names belong to, read from the parameters typed so far; null when it is not given (yet).</summary>
        protected virtual string? ScopeOf(IDictionary? fakeBoundParameters) => null;

        /// <summary>How many pages a menu may read: two are plenty when the server narrows the search.</summary>
        protected virtual int MaxPages => 2;

        /// <summary>True when the API's list route searches names itself (a case-insensitive substring).</summary>
        protected virtual bool ServerSearches => true;

        /// <summary>One page of names; <paramref name="search"/> is null for everything.</summary>
        protected abstract Task<(IEnumerable<string> Names, bool HasMore, int NextOffset)> ListAsync(
            LibratoClient client, string? search, int offset, CancellationToken cancellationToken);

        /// <summary>A page of the account's objects as the names a menu shows.</summary>
        protected static async Task<(IEnumerable<string> Names, bool HasMore, int NextOffset)> NamesOf<T>(Task<Page<T>> listing, Func<T, string> name)
        {
            var page = await listing.ConfigureAwait(false);
            return (page.Items.Select(name).Where(n => !string.IsNullOrEmpty(n)), page.HasMore, page.NextOffset);
        }

        /// <summary>Drops the names cached for a session by completer <typeparamref name="T"/>, after a cmdlet created, renamed or removed one.</summary>
        internal static void Forget<T>(LibratoSession session)
            where T : NameCompleter
        {
            foreach (var key in Cache.Keys)
            {
                if (key.Item1 == typeof(T) && ReferenceEquals(key.Item2, session))
                {
                    Cache.TryRemove(key, out _);
                }
            }
        }

        private List<string> Names(LibratoSession session, string search)
        {
            var key = (GetType(), session, search.ToLowerInvariant());
            if (Cache.TryGetValue(key, out var cached) && DateTime.UtcNow - cached.At < Completion.CacheLifetime)
            {
                return cached.Names;
            }

            if (Unanswered.TryGetValue(session, out var failedAt) && DateTime.UtcNow - failedAt < Completion.CacheLifetime)
            {
                return new List<string>();
            }

            var names = new List<string>();
            using (var deadline = new CancellationTokenSource(Deadline))
            {
                try
                {
                    var offset = 0;
                    for (var page = 0; page < MaxPages; page++)
                    {
                        var answer = ListAsync(session.Client, search.Length == 0 ? null : search, offset, deadline.Token).GetAwaiter().GetResult();
                        names.AddRange(answer.Names);
                        if (!answer.HasMore)
                        {
                            break;
                        }

                        offset = answer.NextOffset;
                    }
                }
                catch (Exception ex) when (ex is LibratoApiException || ex is ObjectDisposedException || ex is OperationCanceledException)
                {
                    if (!(ex is LibratoApiException answered) || !answered.StatusCode.HasValue)
                    {
                        Unanswered[session] = DateTime.UtcNow;
                    }

                    return names;
                }

                Unanswered.TryRemove(session, out _);
            }

            Cache[key] = (DateTime.UtcNow, names);
            return names;
        }
    }
}
