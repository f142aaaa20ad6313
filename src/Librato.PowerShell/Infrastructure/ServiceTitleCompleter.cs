using System.Collections.Generic;
using System.Threading;
using System.Threading.Tasks;
using Librato.Api;

namespace Librato.PowerShell
{
    /// <summary>
    /// Completes service titles. The services route cannot search, and accounts have few services, so the first
    /// pages are read whole and searched here.
    /// </summary>
    public sealed class ServiceTitleCompleter : NameCompleter
    {
        protected override bool ServerSearches => false;

        protected override int MaxPages => 5;

        protected override Task<(IEnumerable<string> Names, bool HasMore, int NextOffset)> ListAsync(
            LibratoClient client, string? search, int offset, CancellationToken cancellationToken) =>
            NamesOf(client.ListServicesAsync(offset, cancellationToken: cancellationToken), s => s.Title);
    }
}
