using System.Collections.Generic;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using Librato.Api;

namespace Librato.PowerShell
{
    /// <summary>Completes alert names from the account.</summary>
    public sealed class AlertNameCompleter : NameCompleter
    {
        protected override async Task<(IEnumerable<string> Names, bool HasMore, int NextOffset)> ListAsync(
            LibratoClient client, string? search, int offset, CancellationToken cancellationToken)
        {
            var page = await client.ListAlertsAsync(search, offset, cancellationToken: cancellationToken).ConfigureAwait(false);
            return (page.Items.Select(a => a.Name), page.HasMore, page.NextOffset);
        }
    }
}
