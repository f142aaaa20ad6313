using System.Threading.Tasks;
using Librato.Emulator.Hosting;
using Librato.Emulator.Http;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;

namespace Librato.Emulator.Metadata;

/// <summary>
/// <c>DELETE /v1/metrics</c>: deletes a list of metrics or those matching one pattern, less the excluded ones.
/// Names that match nothing are not an error.
/// </summary>
internal sealed class MetricBatchDeleteEndpoint
{
    public Task HandleAsync(HttpContext context)
    {
        var api = context.Features.GetRequiredFeature<ApiRequest>();
        if (!BatchBody.TryRead(api.Body, out var root))
        {
            return JsonResponse.RequestErrorAsync(context, StatusCodes.Status400BadRequest, ErrorMessages.BodyUnparseable);
        }

        var errors = new ParamErrors();
        var selection = MetricSelection.Read(root, context.Request.Query, errors);
        if (selection is null)
        {
            return JsonResponse.ParamErrorsAsync(context, errors);
        }

        int deleted = 0;
        foreach (var metric in selection.Select(api.Account))
        {
            if (api.Account.Delete(metric.Name))
            {
                deleted++;
            }
        }

        return BatchOutcome.RespondAsync(context, api.Account, deleted);
    }
}
