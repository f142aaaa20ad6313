using System;
using System.Collections.Generic;
using System.Threading.Tasks;
using Librato.Emulator.Hosting;
using Librato.Emulator.Http;
using Librato.Emulator.Reading;
using Librato.Emulator.Storage;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;

namespace Librato.Emulator.Sources;

/// <summary>
/// <c>GET /v1/sources</c>: the paginated source list; <c>name</c> filters by a substring of the name or the
/// display name, ignoring case.
/// </summary>
internal sealed class SourceListEndpoint
{
    public Task HandleAsync(HttpContext context)
    {
        var api = context.Features.GetRequiredFeature<ApiRequest>();
        var query = context.Request.Query;
        var errors = new ParamErrors();
        var page = PageRequest.Read(query, errors, "name");
        if (page is null)
        {
            return JsonResponse.ParamErrorsAsync(context, errors);
        }

        var all = api.Account.Sources.Snapshot();
        string? filter = QueryParams.GetString(query, "name");
        var found = string.IsNullOrEmpty(filter) ? new List<SourceRecord>(all) : all.FindAll(source =>
            source.Name.Contains(filter, StringComparison.OrdinalIgnoreCase) ||
            (source.DisplayName?.Contains(filter, StringComparison.OrdinalIgnoreCase) ?? false));
        var items = page.Cut(found, static (a, b) => PageRequest.CompareNames(a.Name, b.Name));
        return JsonResponse.WriteAsync(context, StatusCodes.Status200OK,
            writer => page.WriteEnvelope(writer, "sources", found.Count, all.Count, items, SourceJson.Write));
    }
}
