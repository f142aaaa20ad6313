using System;
using System.Collections.Generic;
using System.Text.Json;
using System.Text.RegularExpressions;
using Librato.Emulator.Http;
using Librato.Emulator.Input;
using Librato.Emulator.Resources;

namespace Librato.Emulator.Spaces;

/// <summary>Validates the <c>streams</c> of a chart body. Streams come back with id 0 unless the client sent one.</summary>
internal static class StreamReader
{
    public const string Key = "streams";
    public const int MaxTextLength = 255;

    private static readonly string[] GroupFunctions = { "average", "sum", "min", "max", "breakout" };
    private static readonly string[] SummaryFunctions = { "max", "min", "average", "sum", "count" };

    // The documented expression is /^[\dxp()+-\/ ]+$/, whose "+-\/" is the range '+' to '/' (+ , - . /).
    // The documented operators include '*', which that range leaves out, so '*' is allowed as well.
    private static readonly Regex TransformFunction = new(@"^[0-9xp()*+,\-./ ]+$", RegexOptions.CultureInvariant);

    public static List<ChartStream>? Read(JsonElement value, ParamErrors errors) =>
        ObjectListReader.Read(value, errors, Key, ReadOne);

    private static ChartStream? ReadOne(FieldReader fields)
    {
        int before = fields.ErrorCount;
        string? metric = Text(fields, "metric", NameRules.MaxLength);
        if (metric is not null && !NameRules.IsValidMetricName(metric))
        {
            fields.Fail("metric", ResourceMessages.Invalid);
        }

        string? composite = Text(fields, "composite", int.MaxValue);
        string? source = Text(fields, "source", NameRules.MaxLength);
        var tags = ReadTags(fields);
        string? groupFunction = Choice(fields, "group_function", GroupFunctions);
        if (composite is not null && (metric is not null || source is not null || tags is not null || groupFunction is not null))
        {
            fields.Fail("composite", "cannot be combined with metric, source, tags or group_function");
        }
        else if (composite is null && metric is null)
        {
            fields.Fail("metric", "is not present (a stream needs a metric or a composite)");
        }

        string? summaryFunction = Choice(fields, "summary_function", SummaryFunctions);
        string? downsampleFunction = Choice(fields, "downsample_function", SummaryFunctions);
        if (downsampleFunction is not null && composite is null)
        {
            fields.Fail("downsample_function", "is only valid for a composite stream");
        }

        string? color = Text(fields, "color", MaxTextLength);
        if (color is not null && !HexColor.IsValid(color))
        {
            fields.Fail("color", "must be a 7-character hex color such as #52D74C");
        }

        string? transform = Text(fields, "transform_function", MaxTextLength);
        if (transform is not null && !TransformFunction.IsMatch(transform))
        {
            fields.Fail("transform_function", "may only contain digits, x, p, parentheses, spaces and + - * / . ,");
        }

        long? period = fields.Integer("period").Value;
        if (period is <= 0)
        {
            fields.Fail("period", "must be greater than 0");
        }

        var stream = new ChartStream(
            fields.Integer("id").Value ?? 0,
            metric,
            source,
            tags,
            composite,
            groupFunction,
            summaryFunction,
            downsampleFunction,
            color,
            Text(fields, "name", MaxTextLength),
            Text(fields, "units_short", MaxTextLength),
            Text(fields, "units_long", MaxTextLength),
            fields.Number("min").Value,
            fields.Number("max").Value,
            period,
            transform,
            fields.Bool("split_axis").Value,
            fields.Bool("gap_detection").Value,
            fields.Integer("position").Value);
        return fields.ErrorCount == before ? stream : null;
    }

    /// <summary>A text field; empty text counts as not set.</summary>
    private static string? Text(FieldReader fields, string name, int maxLength)
    {
        string? value = fields.String(name, maxLength).Value;
        return string.IsNullOrEmpty(value) ? null : value;
    }

    private static string? Choice(FieldReader fields, string name, string[] allowed)
    {
        string? value = Text(fields, name, MaxTextLength);
        if (value is not null && Array.IndexOf(allowed, value) < 0)
        {
            fields.Fail(name, ErrorMessages.NotInList);
            return null;
        }

        return value;
    }

    /// <summary><c>[{"name","values":[…],"grouped"?,"dynamic"?}]</c>; values may use '*' wildcards or '%' (dynamic).</summary>
    private static List<StreamTag>? ReadTags(FieldReader fields)
    {
        var value = fields.Raw("tags");
        if (value.ValueKind is JsonValueKind.Undefined or JsonValueKind.Null)
        {
            return null;
        }

        if (value.ValueKind != JsonValueKind.Array)
        {
            fields.Fail("tags", ResourceMessages.MustBeArray);
            return null;
        }

        var tags = new List<StreamTag>();
        foreach (var entry in value.EnumerateArray())
        {
            string? name = TagEntryReader.Name(fields, entry, out var tag);
            if (name is null)
            {
                return null;
            }

            var values = new List<string>();
            var raw = tag.Raw("values");
            if (raw.ValueKind == JsonValueKind.Array)
            {
                foreach (var item in raw.EnumerateArray())
                {
                    if (item.ValueKind != JsonValueKind.String || !IsTagPattern(item.GetString()!))
                    {
                        fields.Fail("tags", $"'{name}' has a value that is not a valid tag value or pattern");
                        return null;
                    }

                    values.Add(item.GetString()!);
                }
            }

            if (values.Count == 0)
            {
                fields.Fail("tags", $"'{name}' needs at least one value");
                return null;
            }

            var grouped = tag.Bool("grouped");
            var dynamic = tag.Bool("dynamic");
            tags.Add(new StreamTag(name, values, grouped.Value, dynamic.Value));
        }

        return tags;
    }

    private static bool IsTagPattern(string value)
    {
        string stripped = value.Replace("*", string.Empty).Replace("%", string.Empty);
        return value.Length > 0 && (stripped.Length == 0 || TagRules.IsValidValue(stripped));
    }
}
