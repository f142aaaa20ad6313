using System.Threading.Tasks;
using Microsoft.AspNetCore.Http;

namespace Librato.Emulator.Composite;

/// <summary>
/// <c>GET /v1/measurements?compose=...</c>: evaluates a composite definition in the tagged response shape, an object
/// whose <c>series</c> member holds the series.
/// </summary>
internal sealed class TaggedComposeEndpoint
{
    public Task HandleAsync(HttpContext context) => ComposeEndpoint.HandleAsync(context, legacy: false);
}
