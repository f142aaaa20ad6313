using System.Collections.Generic;
using System.Text.Json;
using Librato.Emulator.Http;
using Librato.Emulator.Storage;
using Librato.Emulator.Submission;

namespace Librato.Emulator.Metadata;

/// <summary>The validated fields of a <c>PUT /v1/metrics/:name</c> body; absent fields stay absent.</summary>
internal sealed class MetricPutBody
{
    public MetricType? Type { get; private set; }

    public Optional<string?> DisplayName { get; private set; }

    public Optional<string?> Description { get; private set; }

    public Optional<long?> Period { get; private set; }

    public Optional<string?> Composite { get; private set; }

    public List<KeyValuePair<string, JsonElement>> Attributes { get; } = new();

    public static MetricPutBody Read(JsonElement root, ParamErrors errors)
    {
        var body = new MetricPutBody();
        if (root.TryGetProperty("type", out var type) && type.ValueKind != JsonValueKind.Null)
        {
            if (type.ValueKind == JsonValueKind.String && MetricTypeNames.TryParse(type.GetString(), out var parsed))
            {
                body.Type = parsed;
            }
            else
            {
                errors.Add("type", ErrorMessages.NotInList);
            }
        }

        body.DisplayName = ReadNullableString(root, "display_name", errors);
        body.Description = ReadNullableString(root, "description", errors);
        body.Composite = ReadNullableString(root, "composite", errors);
        if (root.TryGetProperty("period", out var period))
        {
            if (period.ValueKind == JsonValueKind.Null)
            {
                body.Period = Optional<long?>.Of(null);
            }
            else if (LegacyDefaults.PeriodProblem(period, out long seconds) is { } problem)
            {
                errors.Add("period", problem);
            }
            else
            {
                body.Period = Optional<long?>.Of(seconds);
            }
        }

        if (root.TryGetProperty("attributes", out var attributes) && attributes.ValueKind != JsonValueKind.Null)
        {
            if (attributes.ValueKind != JsonValueKind.Object)
            {
                errors.Add("attributes", "must be an object");
            }
            else
            {
                foreach (var attribute in attributes.EnumerateObject())
                {
                    if (AttributeRules.Problem(attribute.Name, attribute.Value) is { } problem)
                    {
                        errors.Add("attributes", problem);
                    }
                    else
                    {
                        body.Attributes.Add(new KeyValuePair<string, JsonElement>(attribute.Name, AttributeRules.Normalize(attribute.Name, attribute.Value.Clone())));
                    }
                }
            }
        }

        return body;
    }

    private static Optional<string?> ReadNullableString(JsonElement root, string name, ParamErrors errors)
    {
        if (!root.TryGetProperty(name, out var value))
        {
            return Optional<string?>.Absent;
        }

        switch (value.ValueKind)
        {
            case JsonValueKind.Null:
                return Optional<string?>.Of(null);
            case JsonValueKind.String:
                return Optional<string?>.Of(value.GetString());
            default:
                errors.Add(name, "must be a string");
                return Optional<string?>.Absent;
        }
    }

    public MetricUpdate ToUpdate() => new()
    {
        DisplayName = DisplayName,
        Description = Description,
        Period = Period,
        Composite = Composite,
        Attributes = Attributes,
    };
}
