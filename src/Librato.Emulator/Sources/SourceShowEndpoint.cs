using System.Threading.Tasks;
using Librato.Emulator.Hosting;
using Librato.Emulator.Http;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;

namespace Librato.Emulator.Sources;

/// <summary><c>GET /v1/sources/:name</c></summary>
internal sealed class SourceShowEndpoint
{
    public Task HandleAsync(HttpContext context)
    {
        var api = context.Features.GetRequiredFeature<ApiRequest>();
        string name = (string)context.Request.RouteValues["name"]!;
        if (api.Account.Sources.Find(name) is not { } source)
        {
            return JsonResponse.RequestErrorAsync(context, StatusCodes.Status404NotFound, ErrorMessages.SourceNotFound);
        }

        return JsonResponse.WriteAsync(context, StatusCodes.Status200OK, writer => SourceJson.Write(writer, source));
    }
}
