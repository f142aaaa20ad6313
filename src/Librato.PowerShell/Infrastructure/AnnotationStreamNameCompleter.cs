using System.Collections.Generic;
using System.Threading;
using System.Threading.Tasks;
using Librato.Api;

namespace Librato.PowerShell
{
    /// <summary>Completes annotation stream names from the account.</summary>
    public sealed class AnnotationStreamNameCompleter : NameCompleter
    {
        protected override Task<(IEnumerable<string> Names, bool HasMore, int NextOffset)> ListAsync(
            LibratoClient client, string? search, int offset, CancellationToken cancellationToken) =>
            NamesOf(client.ListAnnotationStreamsAsync(search, offset, cancellationToken: cancellationToken), s => s.Name);
    }
}
