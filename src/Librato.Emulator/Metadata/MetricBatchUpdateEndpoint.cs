using System.Collections.Generic;
using System.Text.Json;
using System.Threading.Tasks;
using Librato.Emulator.Hosting;
using Librato.Emulator.Http;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;

namespace Librato.Emulator.Metadata;

/// <summary>
/// <c>PUT /v1/metrics</c>: updates the properties and attributes of a list of metrics or of those matching one
/// pattern. Attributes may be given under <c>attributes</c> or as top-level keys (<c>display_min=0</c>, as the
/// Ruby client sends them); when both name the same attribute, the <c>attributes</c> object wins. Metrics are
/// never created here, and the type cannot change.
/// </summary>
internal sealed class MetricBatchUpdateEndpoint
{
    private static readonly HashSet<string> NotAttributes = new()
    {
        "names", "exclude", "type", "display_name", "description", "period", "composite", "attributes", "source_lag",
    };

    public Task HandleAsync(HttpContext context)
    {
        var api = context.Features.GetRequiredFeature<ApiRequest>();
        if (!BatchBody.TryRead(api.Body, out var root))
        {
            return JsonResponse.RequestErrorAsync(context, StatusCodes.Status400BadRequest, ErrorMessages.BodyUnparseable);
        }

        var errors = new ParamErrors();
        var selection = MetricSelection.Read(root, context.Request.Query, errors);
        var body = MetricPutBody.Read(root ?? EmptyObject, errors);
        if (body.Type.HasValue)
        {
            errors.Add("type", "cannot be changed by a batch update");
        }

        if (body.Composite.HasValue)
        {
            errors.Add("composite", "cannot be set by a batch update");
        }

        var topLevel = new List<KeyValuePair<string, JsonElement>>();
        if (root is { } element)
        {
            foreach (var property in element.EnumerateObject())
            {
                if (NotAttributes.Contains(property.Name))
                {
                    continue;
                }

                if (AttributeRules.Problem(property.Name, property.Value) is { } problem)
                {
                    errors.Add("attributes", problem);
                }
                else
                {
                    topLevel.Add(new KeyValuePair<string, JsonElement>(property.Name, AttributeRules.Normalize(property.Name, property.Value.Clone())));
                }
            }
        }

        if (selection is null || errors.Any)
        {
            return JsonResponse.ParamErrorsAsync(context, errors);
        }

        body.Attributes.InsertRange(0, topLevel);
        var update = body.ToUpdate();
        var metrics = selection.Select(api.Account);
        foreach (var metric in metrics)
        {
            metric.Apply(update);
        }

        return BatchOutcome.RespondAsync(context, api.Account, metrics.Count);
    }

    private static JsonElement EmptyObject { get; } = JsonDocument.Parse("{}").RootElement.Clone();
}
