using System.Collections.Generic;
using System.Threading;
using System.Threading.Tasks;
using Librato.Api;

namespace Librato.PowerShell
{
    /// <summary>Completes metric names from the account.</summary>
    public sealed class MetricNameCompleter : NameCompleter
    {
        protected override Task<(IEnumerable<string> Names, bool HasMore, int NextOffset)> ListAsync(
            LibratoClient client, string? search, int offset, CancellationToken cancellationToken) =>
            NamesOf(client.ListMetricsAsync(search, offset, cancellationToken: cancellationToken), m => m.Name);
    }
}
