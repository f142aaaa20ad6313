using System;
using System.Collections.Generic;
using System.Threading.Tasks;
using Librato.Emulator.Composite;
using Librato.Emulator.Hosting;
using Librato.Emulator.Http;
using Librato.Emulator.Storage;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;

namespace Librato.Emulator.Reading;

/// <summary><c>GET /v1/metrics</c>: the paginated metric list, optionally filtered by a name substring.</summary>
internal sealed class MetricListEndpoint
{
    public Task HandleAsync(HttpContext context)
    {
        if (context.Request.Query.ContainsKey("compose"))
        {
            return new LegacyComposeEndpoint().HandleAsync(context);
        }

        var api = context.Features.GetRequiredFeature<ApiRequest>();
        var query = context.Request.Query;
        var errors = new ParamErrors();
        var page = PageRequest.Read(query, errors, "name");
        if (page is null)
        {
            return JsonResponse.ParamErrorsAsync(context, errors);
        }

        var all = api.Account.SortedByName();
        string? nameFilter = QueryParams.GetString(query, "name");
        IReadOnlyList<Metric> found = all;
        if (!string.IsNullOrEmpty(nameFilter))
        {
            var matching = new List<Metric>();
            foreach (var metric in all)
            {
                if (metric.Name.Contains(nameFilter, StringComparison.OrdinalIgnoreCase))
                {
                    matching.Add(metric);
                }
            }

            found = matching;
        }

        var items = page.CutSorted(found);
        return JsonResponse.WriteAsync(context, StatusCodes.Status200OK,
            writer => page.WriteEnvelope(writer, "metrics", found.Count, all.Count, items, static (w, metric) => MetricJson.Write(w, metric.ReadMetadata())));
    }
}
