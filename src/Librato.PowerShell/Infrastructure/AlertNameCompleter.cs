using System.Collections.Generic;
using System.Threading;
using System.Threading.Tasks;
using Librato.Api;

namespace Librato.PowerShell
{
    /// <summary>Completes alert names from the account.</summary>
    public sealed class AlertNameCompleter : NameCompleter
    {
        protected override Task<(IEnumerable<string> Names, bool HasMore, int NextOffset)> ListAsync(
            LibratoClient client, string? search, int offset, CancellationToken cancellationToken) =>
            NamesOf(client.ListAlertsAsync(search, offset, cancellationToken: cancellationToken), a => a.Name);
    }
}
