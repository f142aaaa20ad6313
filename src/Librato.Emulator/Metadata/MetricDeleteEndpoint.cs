using System.Threading.Tasks;
using Librato.Emulator.Hosting;
using Librato.Emulator.Http;
using Librato.Emulator.Reading;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;

namespace Librato.Emulator.Metadata;

/// <summary><c>DELETE /v1/metrics/:name</c>: removes the metric and all its measurements.</summary>
internal sealed class MetricDeleteEndpoint
{
    public Task HandleAsync(HttpContext context)
    {
        var api = context.Features.GetRequiredFeature<ApiRequest>();
        if (!api.Account.Delete(MetricRoute.Name(context)))
        {
            return MetricRoute.NotFoundAsync(context);
        }

        context.Response.StatusCode = StatusCodes.Status204NoContent;
        return Task.CompletedTask;
    }
}
