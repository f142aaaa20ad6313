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
    /// Completes names of an account's resources: names containing what was typed, prefix matches first, cached per
    /// session and search for a minute, and silent when not connected or when the API cannot be reached.
    /// </summary>
    public abstract class ResourceNameCompleter : IArgumentCompleter
    {
        private static readonly TimeSpan CacheLifetime = TimeSpan.FromMinutes(1);

        // PowerShell makes a new completer for every completion, so the cache is shared, keyed by the kind of name.
        private static readonly ConcurrentDictionary<(string Kind, LibratoSession Session, string Typed), (DateTime At, List<string> Names)> Cache =
            new ConcurrentDictionary<(string, LibratoSession, string), (DateTime, List<string>)>();

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
            return Names(session, typed)
                .Where(n => n.IndexOf(typed, StringComparison.OrdinalIgnoreCase) >= 0)
                .Distinct(StringComparer.OrdinalIgnoreCase)
                .OrderBy(n => n.StartsWith(typed, StringComparison.OrdinalIgnoreCase) ? 0 : 1)
                .ThenBy(n => n, StringComparer.OrdinalIgnoreCase)
                .Select(n => new CompletionResult(Quote(n), n, CompletionResultType.ParameterValue, n))
                .ToList();
        }

        /// <summary>The cache key that tells this kind of name from the others.</summary>
        internal abstract string Kind { get; }

        /// <summary>One page of names containing <paramref name="search"/> (null for all) from <paramref name="offset"/>.</summary>
        internal abstract Task<Page<string>> ListAsync(LibratoClient client, string? search, int offset, CancellationToken cancellationToken);

        /// <summary>Drops the names of one kind cached for a session, after a cmdlet created, renamed or removed one.</summary>
        internal static void Forget(string kind, LibratoSession session)
        {
            foreach (var key in Cache.Keys)
            {
                if (key.Kind == kind && ReferenceEquals(key.Session, session))
                {
                    Cache.TryRemove(key, out _);
                }
            }
        }

        private List<string> Names(LibratoSession session, string typed)
        {
            var key = (Kind, session, typed.ToLowerInvariant());
            if (Cache.TryGetValue(key, out var cached) && DateTime.UtcNow - cached.At < CacheLifetime)
            {
                return cached.Names;
            }

            var names = new List<string>();
            try
            {
                // Two pages are plenty for a menu; a longer word narrows the search on the server.
                var search = typed.Length == 0 ? null : typed;
                using (var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(5)))
                {
                    // A menu that waits for a slow API is worse than no menu.
                    var page = ListAsync(session.Client, search, 0, timeout.Token).GetAwaiter().GetResult();
                    names.AddRange(page.Items);
                    if (page.HasMore)
                    {
                        names.AddRange(ListAsync(session.Client, search, page.NextOffset, timeout.Token).GetAwaiter().GetResult().Items);
                    }
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
            name.IndexOfAny(new[] { ' ', '\'', '"', '$', '`', '(', ')', '{', '}', ';', ',', '@', '#', '[', ']', '*', '?', '|', '&', '<', '>' }) >= 0
                ? "'" + name.Replace("'", "''") + "'"
                : name;

        internal static Page<string> Names<T>(Page<T> page, Func<T, string> name) =>
            new Page<string>(page.Items.Select(name).ToList(), page.Offset, page.Length, page.Found, page.Total);
    }

    /// <summary>Completes space names.</summary>
    public sealed class SpaceNameCompleter : ResourceNameCompleter
    {
        internal const string Spaces = "spaces";

        internal override string Kind => Spaces;

        internal override async Task<Page<string>> ListAsync(LibratoClient client, string? search, int offset, CancellationToken cancellationToken) =>
            Names(await client.ListSpacesAsync(search, offset, cancellationToken: cancellationToken).ConfigureAwait(false), s => s.Name);
    }

    /// <summary>Completes annotation stream names.</summary>
    public sealed class AnnotationStreamNameCompleter : ResourceNameCompleter
    {
        internal const string Streams = "annotation streams";

        internal override string Kind => Streams;

        internal override async Task<Page<string>> ListAsync(LibratoClient client, string? search, int offset, CancellationToken cancellationToken) =>
            Names(await client.ListAnnotationStreamsAsync(search, offset, cancellationToken: cancellationToken).ConfigureAwait(false), s => s.Name);
    }
}
