using System.Collections.Generic;
using System.Threading;
using System.Threading.Tasks;
using Librato.Api;

namespace Librato.PowerShell
{
    /// <summary>Completes legacy source names from the account (<c>GET /v1/sources</c>, which searches names itself).</summary>
    public sealed class SourceNameCompleter : NameCompleter
    {
        protected override Task<(IEnumerable<string> Names, bool HasMore, int NextOffset)> ListAsync(
            LibratoClient client, string? search, int offset, CancellationToken cancellationToken) =>
            NamesOf(client.ListSourcesAsync(search, offset, cancellationToken: cancellationToken), name => name);
    }
}
