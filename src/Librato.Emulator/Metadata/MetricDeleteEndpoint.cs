using System.Threading.Tasks;
using Librato.Emulator.Hosting;
using Librato.Emulator.Http;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;

namespace Librato.Emulator.Metadata;

/// <summary><c>DELETE /v1/metrics/:name</c>: removes the metric and all its measurements.</summary>
internal sealed class MetricDeleteEndpoint
{
    public Task HandleAsync(HttpContext context)
    {
        var api = context.Features.GetRequiredFeature<ApiRequest>();
        string name = (string)context.Request.RouteValues["name"]!;
        if (!api.Account.Delete(name))
        {
            return JsonResponse.RequestErrorAsync(context, StatusCodes.Status404NotFound, ErrorMessages.MetricNotFound);
        }

        context.Response.StatusCode = StatusCodes.Status204NoContent;
        return Task.CompletedTask;
    }
}
