using System;
using System.Collections.Generic;
using System.Text.Json;
using Librato.Emulator.Http;
using Librato.Emulator.Resources;
using Librato.Emulator.Storage;

namespace Librato.Emulator.Spaces;

/// <summary>The validated fields of a chart POST or PUT; a field not sent stays absent.</summary>
internal sealed class ChartBody
{
    public const int MaxNameLength = 255;

    private static readonly string[] Types = { "line", "stacked", "bignumber" };
    private static readonly string[] Operators = { ">", ">=", "<", "<=", "=", "==", "!=" };

    public Optional<string> Name { get; private set; }

    public Optional<string> Type { get; private set; }

    public Optional<List<ChartStream>> Streams { get; private set; }

    public Optional<double?> Min { get; private set; }

    public Optional<double?> Max { get; private set; }

    public Optional<string?> Label { get; private set; }

    public Optional<long?> RelatedSpace { get; private set; }

    public Optional<List<ChartThreshold>?> Thresholds { get; private set; }

    public Optional<bool?> UseLogYAxis { get; private set; }

    public Optional<bool?> UseLastValue { get; private set; }

    public static ChartBody Read(JsonElement root, ParamErrors errors, bool create)
    {
        var fields = new FieldReader(root, errors);
        var body = new ChartBody();
        if (create || fields.Has("name"))
        {
            if (fields.RequiredString("name", MaxNameLength) is { } name)
            {
                body.Name = Optional<string>.Of(name);
            }
        }

        var type = fields.String("type");
        if (type.Value is { } typeName && Array.IndexOf(Types, typeName) < 0)
        {
            fields.Fail("type", ErrorMessages.NotInList);
        }
        else if (type.HasValue || create)
        {
            body.Type = Optional<string>.Of(type.Value ?? "line");
        }

        if (create || fields.Has(StreamReader.Key))
        {
            var streams = StreamReader.Read(fields.Raw(StreamReader.Key), errors);
            if (streams is not null)
            {
                body.Streams = Optional<List<ChartStream>>.Of(streams);
            }
        }

        body.Min = fields.Number("min");
        body.Max = fields.Number("max");
        body.Label = fields.String("label", MaxNameLength);
        body.RelatedSpace = fields.Integer("related_space");
        body.Thresholds = ReadThresholds(fields, errors);
        body.UseLogYAxis = fields.Bool("use_log_yaxis");
        body.UseLastValue = fields.Bool("use_last_value");
        return body;
    }

    /// <summary>Big-number thresholds: <c>[{"operator":">","value":90,"type":"red"}]</c>, or null for none.</summary>
    private static Optional<List<ChartThreshold>?> ReadThresholds(FieldReader fields, ParamErrors errors)
    {
        var value = fields.Raw("thresholds");
        switch (value.ValueKind)
        {
            case JsonValueKind.Undefined:
                return Optional<List<ChartThreshold>?>.Absent;
            case JsonValueKind.Null:
                return Optional<List<ChartThreshold>?>.Of(null);
            case JsonValueKind.Array:
                break;
            default:
                fields.Fail("thresholds", ResourceMessages.MustBeArray);
                return Optional<List<ChartThreshold>?>.Absent;
        }

        int before = fields.ErrorCount;
        var thresholds = new List<ChartThreshold>();
        int index = 0;
        foreach (var element in value.EnumerateArray())
        {
            var threshold = new FieldReader(element, errors, "thresholds", index++);
            if (element.ValueKind != JsonValueKind.Object)
            {
                threshold.Fail("", ResourceMessages.MustBeObject);
                continue;
            }

            int start = threshold.ErrorCount;
            string? op = threshold.RequiredString("operator");
            if (op is not null && Array.IndexOf(Operators, op) < 0)
            {
                threshold.Fail("operator", ErrorMessages.NotInList);
            }

            var number = threshold.Number("value");
            if (!threshold.Has("value") || (number.HasValue && number.Value is null))
            {
                threshold.Fail("value", ErrorMessages.NotPresent);
            }

            string? kind = threshold.RequiredString("type");
            if (threshold.ErrorCount == start)
            {
                thresholds.Add(new ChartThreshold(op!, number.Value!.Value, kind!));
            }
        }

        return fields.ErrorCount == before
            ? Optional<List<ChartThreshold>?>.Of(thresholds)
            : Optional<List<ChartThreshold>?>.Absent;
    }
}
