using System.Globalization;
using System.Threading.Tasks;
using Librato.Emulator.Hosting;
using Librato.Emulator.Http;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;

namespace Librato.Emulator.Jobs;

/// <summary><c>GET /v1/jobs/:id</c>: a job of the requesting account.</summary>
internal sealed class JobShowEndpoint
{
    public Task HandleAsync(HttpContext context)
    {
        var api = context.Features.GetRequiredFeature<ApiRequest>();
        string text = (string)context.Request.RouteValues["id"]!;
        if (!long.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out long id) || api.Account.Jobs.Find(id) is not { } job)
        {
            return JsonResponse.RequestErrorAsync(context, StatusCodes.Status404NotFound, ErrorMessages.JobNotFound);
        }

        return JsonResponse.WriteAsync(context, StatusCodes.Status200OK, writer => JobJson.Write(writer, job));
    }
}
