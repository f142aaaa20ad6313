using System.Collections.Generic;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using Librato.Api;

namespace Librato.PowerShell
{
    /// <summary>Completes legacy source names from the account (<c>GET /v1/sources</c>, which searches names itself).</summary>
    public sealed class SourceNameCompleter : NameCompleter
    {
        protected override async Task<(IEnumerable<string> Names, bool HasMore, int NextOffset)> ListAsync(
            LibratoClient client, string? search, int offset, CancellationToken cancellationToken)
        {
            var page = await client.ListSourcesAsync(search, offset, cancellationToken: cancellationToken).ConfigureAwait(false);
            return (page.Items.Where(name => name.Length > 0), page.HasMore, page.NextOffset);
        }
    }
}
