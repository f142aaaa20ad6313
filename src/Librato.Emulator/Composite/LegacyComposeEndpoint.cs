using System.Threading.Tasks;
using Microsoft.AspNetCore.Http;

namespace Librato.Emulator.Composite;

/// <summary><c>GET /v1/metrics?compose=...</c>: evaluates a composite definition in the legacy response shape.</summary>
internal sealed class LegacyComposeEndpoint
{
    public Task HandleAsync(HttpContext context) => ComposeEndpoint.HandleAsync(context, legacy: true);
}
