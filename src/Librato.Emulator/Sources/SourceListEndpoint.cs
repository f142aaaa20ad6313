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
        var page = PageRequest.Parse(query, errors, "name");
        if (page is null)
        {
            return JsonResponse.ParamErrorsAsync(context, errors);
        }

        var all = api.Account.Sources.Snapshot();
        string? filter = QueryParams.GetString(query, "name");
        var found = string.IsNullOrEmpty(filter) ? new List<SourceRecord>(all) : all.FindAll(source =>
            source.Name.Contains(filter, StringComparison.OrdinalIgnoreCase) ||
            (source.DisplayName?.Contains(filter, StringComparison.OrdinalIgnoreCase) ?? false));
        var items = page.Page(found, static (a, b) =>
        {
            int result = StringComparer.OrdinalIgnoreCase.Compare(a.Name, b.Name);
            return result != 0 ? result : string.CompareOrdinal(a.Name, b.Name);
        });
        return JsonResponse.WriteAsync(context, StatusCodes.Status200OK, writer =>
        {
            writer.WriteStartObject();
            page.WriteEnvelope(writer, found.Count, items.Count, all.Count);
            writer.WriteStartArray("sources");
            foreach (var source in items)
            {
                SourceJson.Write(writer, source);
            }

            writer.WriteEndArray();
            writer.WriteEndObject();
        });
    }
}
