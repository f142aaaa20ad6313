using System.Collections.Generic;
using System.Threading.Tasks;
using Librato.Emulator.Hosting;
using Librato.Emulator.Http;
using Librato.Emulator.Input;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;

namespace Librato.Emulator.Composite;

/// <summary>What the legacy and tagged composite routes share: parsing, evaluating, and reporting problems.</summary>
internal static class ComposeEndpoint
{
    public static Task HandleAsync(HttpContext context, bool legacy)
    {
        var api = context.Features.GetRequiredFeature<ApiRequest>();
        var errors = new ParamErrors();
        var request = ComposeRequest.Parse(context.Request.Query, Clock.NowSeconds(), legacy, errors, out bool resolutionUnavailable);
        if (resolutionUnavailable)
        {
            return JsonResponse.ResolutionUnavailableAsync(context);
        }

        if (request is null)
        {
            return JsonResponse.ParamErrorsAsync(context, errors);
        }

        List<ResultSeries> results;
        try
        {
            results = CompositeDefinition.Compile(request.Compose).Evaluate(api.Account, request.Start, request.End, request.Resolution);
        }
        catch (CompositeException exception)
        {
            return JsonResponse.ParamErrorAsync(context, "compose", exception.Message);
        }

        return JsonResponse.WriteAsync(context, StatusCodes.Status200OK, writer =>
        {
            if (legacy)
            {
                CompositeJson.WriteLegacyResponse(writer, request, results);
            }
            else
            {
                CompositeJson.WriteTaggedResponse(writer, request, results);
            }
        });
    }
}
