using System.Collections.Generic;
using System.Text.Json;
using Librato.Emulator.Http;
using Librato.Emulator.Input;
using Librato.Emulator.Resources;
using Librato.Emulator.Storage;

namespace Librato.Emulator.Alerts;

/// <summary>
/// Validates the <c>conditions</c> of an alert body. Besides the documented shape it takes what the Python
/// client sends: <c>condition_type</c> for <c>type</c>, <c>source:"*"</c>, <c>tags</c> as an object
/// (<c>{}</c> or <c>{"env":"prod"}</c>) and null for unset fields.
/// </summary>
internal static class ConditionReader
{
    public const string Key = "conditions";
    public const int MinDuration = 60;
    public const int MaxDuration = 3600;

    private static readonly string[] SummaryFunctions = { "min", "max", "average", "sum", "count", "derivative", "absolute_value" };

    /// <summary>The conditions, with id 0 where the client sent none, or null when something was wrong.</summary>
    public static List<AlertCondition>? Read(JsonElement value, ParamErrors errors, AccountStore metrics) =>
        ObjectListReader.Read(value, errors, Key, fields => ReadOne(fields, metrics));

    private static AlertCondition? ReadOne(FieldReader fields, AccountStore metrics)
    {
        int before = fields.ErrorCount;
        string typeField = fields.Has("type") || !fields.Has("condition_type") ? "type" : "condition_type";
        string? type = fields.RequiredString(typeField);
        if (type is not null && type is not ("above" or "below" or "absent"))
        {
            fields.Fail(typeField, ErrorMessages.NotInList);
            type = null;
        }

        string? metricName = fields.RequiredString("metric_name");
        if (metricName is not null && !NameRules.IsValidMetricName(metricName))
        {
            fields.Fail("metric_name", ResourceMessages.Invalid);
        }

        string? source = fields.String("source", NameRules.MaxLength).Value;
        if (string.IsNullOrEmpty(source))
        {
            source = null;
        }

        var tags = ReadTags(fields);
        long id = fields.Integer("id").Value ?? 0;
        bool detectReset = fields.Bool("detect_reset").Value ?? true;
        var duration = fields.Integer("duration");
        if (duration.Value is { } seconds && (seconds < MinDuration || seconds > MaxDuration))
        {
            fields.Fail("duration", $"must be between {MinDuration} and {MaxDuration}");
        }

        double? threshold = null;
        string? summary = null;
        if (type is "above" or "below")
        {
            var given = fields.Number("threshold");
            if (given is { HasValue: true, Value: { } number })
            {
                threshold = number;
            }
            else if (given.HasValue || !fields.Has("threshold"))
            {
                fields.Fail("threshold", ErrorMessages.NotPresent);
            }

            summary = fields.String("summary_function").Value;
            if (summary is null)
            {
                // Counters are summarized by their increase unless told otherwise, as the API documents.
                summary = metricName is not null && metrics.Find(metricName)?.Type == MetricType.Counter ? "derivative" : "average";
            }
            else if (System.Array.IndexOf(SummaryFunctions, summary) < 0)
            {
                fields.Fail("summary_function", ErrorMessages.NotInList);
            }
        }
        else if (type == "absent" && duration.Value is null && (duration.HasValue || !fields.Has("duration")))
        {
            // Sent as null or not sent; an unreadable value has already been reported.
            fields.Fail("duration", ErrorMessages.NotPresent);
        }

        if (fields.ErrorCount != before || type is null || metricName is null || tags is null)
        {
            return null;
        }

        return new AlertCondition(id, type, metricName, source, threshold, summary, duration.Value, detectReset, tags);
    }

    private static List<AlertTag>? ReadTags(FieldReader fields)
    {
        var value = fields.Raw("tags");
        var tags = new List<AlertTag>();
        switch (value.ValueKind)
        {
            case JsonValueKind.Undefined:
            case JsonValueKind.Null:
                return tags;
            case JsonValueKind.Object:
                foreach (var property in value.EnumerateObject())
                {
                    var values = ReadValues(fields, property.Name, property.Value);
                    if (values is null)
                    {
                        return null;
                    }

                    tags.Add(new AlertTag(property.Name.ToLowerInvariant(), false, values));
                }

                return tags;
            case JsonValueKind.Array:
                foreach (var entry in value.EnumerateArray())
                {
                    string? name = TagEntryReader.Name(fields, entry, out var tag);
                    if (name is null)
                    {
                        return null;
                    }

                    var values = ReadValues(fields, name, tag.Raw("values"));
                    var grouped = tag.Bool("grouped");
                    if (values is null)
                    {
                        return null;
                    }

                    tags.Add(new AlertTag(name.ToLowerInvariant(), grouped.Value ?? false, values));
                }

                return tags;
            default:
                fields.Fail("tags", ResourceMessages.MustBeArray);
                return null;
        }
    }

    /// <summary>A tag's values: one string or a list of them; '*' wildcards are allowed.</summary>
    private static List<string>? ReadValues(FieldReader fields, string tagName, JsonElement value)
    {
        var values = new List<string>();
        if (value.ValueKind == JsonValueKind.String)
        {
            values.Add(value.GetString()!);
        }
        else if (value.ValueKind == JsonValueKind.Array)
        {
            foreach (var item in value.EnumerateArray())
            {
                if (item.ValueKind != JsonValueKind.String)
                {
                    values.Clear();
                    break;
                }

                values.Add(item.GetString()!);
            }
        }

        if (values.Count == 0)
        {
            fields.Fail("tags", $"'{tagName}' needs at least one value");
            return null;
        }

        for (int i = 0; i < values.Count; i++)
        {
            string pattern = values[i];
            if (pattern != "*" && !TagRules.IsValidValue(pattern.Replace("*", string.Empty)))
            {
                fields.Fail("tags", $"'{pattern}' is not a valid value for tag '{tagName}'");
                return null;
            }

            values[i] = pattern.ToLowerInvariant();
        }

        return values;
    }
}
