using System;
using System.Text.Json;
using System.Threading.Tasks;
using Librato.Emulator.Composite;
using Librato.Emulator.Hosting;
using Librato.Emulator.Http;
using Librato.Emulator.Input;
using Librato.Emulator.Reading;
using Librato.Emulator.Storage;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;

namespace Librato.Emulator.Metadata;

/// <summary>
/// <c>PUT /v1/metrics/:name</c>: creates a metric (201, type required) or updates an existing one (204), merging
/// attributes key by key.
/// </summary>
internal sealed class MetricPutEndpoint
{
    public Task HandleAsync(HttpContext context)
    {
        var api = context.Features.GetRequiredFeature<ApiRequest>();
        string name = MetricRoute.Name(context);
        if (!NameRules.IsValidMetricName(name))
        {
            return JsonResponse.ParamErrorAsync(context, "name", $"'{name}' is not a valid metric name");
        }

        JsonDocument? document = null;
        if (!api.Body.IsEmpty && !JsonBody.TryParseObject(api.Body, out document))
        {
            return JsonResponse.RequestErrorAsync(context, StatusCodes.Status400BadRequest, ErrorMessages.BodyUnparseable);
        }

        using (document)
        {
            var errors = new ParamErrors();
            var body = document is null ? MetricPutBody.Read(EmptyObject(), errors) : MetricPutBody.Read(document.RootElement, errors);
            if (errors.Any)
            {
                return JsonResponse.ParamErrorsAsync(context, errors);
            }

            var existing = api.Account.Find(name);
            if (existing is null)
            {
                return CreateAsync(context, api.Account, name, body);
            }

            return UpdateAsync(context, existing, body);
        }
    }

    private static Task CreateAsync(HttpContext context, AccountStore account, string name, MetricPutBody body)
    {
        var errors = new ParamErrors();
        if (body.Type is null)
        {
            errors.Add("type", "is required to create a metric");
        }
        else if (body.Type == MetricType.Composite && string.IsNullOrEmpty(body.Composite.Value))
        {
            errors.Add("composite", "is required for composite metrics");
        }
        else if (body.Type != MetricType.Composite && body.Composite is { HasValue: true, Value: not null })
        {
            errors.Add("composite", "is only valid for composite metrics");
        }
        else if (body.Type == MetricType.Composite && CompositeDefinition.Problem(body.Composite.Value!) is { } problem)
        {
            errors.Add("composite", problem);
        }

        if (errors.Any)
        {
            return JsonResponse.ParamErrorsAsync(context, errors);
        }

        string userAgent = context.Request.Headers.UserAgent.ToString();
        var creation = new MetricCreation(
            userAgent.Length == 0 ? null : userAgent,
            body.DisplayName.Value,
            body.Description.Value,
            body.Period.Value,
            body.Composite.Value,
            body.Attributes);
        if (!account.TryCreate(name, body.Type!.Value, creation, out var metric))
        {
            // Another request created it first; this one becomes an update of that metric.
            return UpdateAsync(context, metric, body);
        }

        var metadata = metric.ReadMetadata();
        context.Response.Headers.Location = "/v1/metrics/" + metric.Name;
        return JsonResponse.WriteAsync(context, StatusCodes.Status201Created, writer => MetricJson.Write(writer, metadata));
    }

    private static Task UpdateAsync(HttpContext context, Metric metric, MetricPutBody body)
    {
        var errors = new ParamErrors();
        if (body.Type.HasValue && body.Type.Value != metric.Type)
        {
            errors.Add("type", $"cannot be changed from {metric.Type.ToApiName()} to {body.Type.Value.ToApiName()}");
        }

        if (body.Composite.HasValue && metric.Type != MetricType.Composite)
        {
            errors.Add("composite", "is only valid for composite metrics");
        }
        else if (body.Composite.HasValue && string.IsNullOrEmpty(body.Composite.Value))
        {
            errors.Add("composite", "must not be empty");
        }
        else if (body.Composite.HasValue && CompositeDefinition.Problem(body.Composite.Value!) is { } problem)
        {
            errors.Add("composite", problem);
        }

        if (errors.Any)
        {
            return JsonResponse.ParamErrorsAsync(context, errors);
        }

        metric.Apply(body.ToUpdate());
        context.Response.StatusCode = StatusCodes.Status204NoContent;
        return Task.CompletedTask;
    }

    private static JsonElement EmptyObject()
    {
        using var document = JsonDocument.Parse("{}");
        return document.RootElement.Clone();
    }
}
