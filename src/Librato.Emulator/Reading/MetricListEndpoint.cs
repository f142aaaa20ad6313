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
    public const int MaxLength = 100;

    public Task HandleAsync(HttpContext context)
    {
        if (context.Request.Query.ContainsKey("compose"))
        {
            return new LegacyComposeEndpoint().HandleAsync(context);
        }

        var api = context.Features.GetRequiredFeature<ApiRequest>();
        var query = context.Request.Query;
        var errors = new ParamErrors();
        long offset = QueryParams.GetInteger(query, "offset", errors) ?? 0;
        long length = QueryParams.GetInteger(query, "length", errors) ?? MaxLength;
        if (offset < 0)
        {
            errors.Add("offset", "must be greater than or equal to 0");
        }

        if (length < 1)
        {
            errors.Add("length", "must be greater than 0");
        }
        else if (length > MaxLength)
        {
            errors.Add("length", $"must be less than or equal to {MaxLength}");
        }

        string? orderBy = QueryParams.GetString(query, "orderby");
        if (orderBy is not null && orderBy != "name")
        {
            errors.Add("orderby", ErrorMessages.NotInList);
        }

        string sort = QueryParams.GetString(query, "sort") ?? "asc";
        if (sort != "asc" && sort != "desc")
        {
            errors.Add("sort", ErrorMessages.NotInList);
        }

        if (errors.Any)
        {
            return JsonResponse.ParamErrorsAsync(context, errors);
        }

        var all = api.Account.Snapshot();
        string? nameFilter = QueryParams.GetString(query, "name");
        var found = new List<Metric>(all.Count);
        foreach (var metric in all)
        {
            if (string.IsNullOrEmpty(nameFilter) || metric.Name.Contains(nameFilter, StringComparison.OrdinalIgnoreCase))
            {
                found.Add(metric);
            }
        }

        found.Sort(static (a, b) => CompareNames(a.Name, b.Name));
        if (sort == "desc")
        {
            found.Reverse();
        }

        int start = (int)Math.Min(offset, found.Count);
        int count = (int)Math.Min(length, found.Count - start);
        var page = found.GetRange(start, count);
        return JsonResponse.WriteAsync(context, StatusCodes.Status200OK, writer =>
        {
            writer.WriteStartObject();
            writer.WriteStartObject("query");
            writer.WriteNumber("found", found.Count);
            writer.WriteNumber("length", page.Count);
            writer.WriteNumber("offset", offset);
            writer.WriteNumber("total", all.Count);
            writer.WriteEndObject();
            writer.WriteStartArray("metrics");
            foreach (var metric in page)
            {
                MetricJson.Write(writer, metric.ReadMetadata());
            }

            writer.WriteEndArray();
            writer.WriteEndObject();
        });
    }

    /// <summary>Names compare without regard to case, as lookups do; the exact spelling only breaks ties.</summary>
    private static int CompareNames(string a, string b)
    {
        int result = StringComparer.OrdinalIgnoreCase.Compare(a, b);
        return result != 0 ? result : string.CompareOrdinal(a, b);
    }
}
