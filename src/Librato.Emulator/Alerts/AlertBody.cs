using System.Collections.Generic;
using System.Globalization;
using System.Text.Json;
using Librato.Emulator.Http;
using Librato.Emulator.Input;
using Librato.Emulator.Resources;
using Librato.Emulator.Storage;

namespace Librato.Emulator.Alerts;

/// <summary>
/// The validated fields of an alert POST or PUT. A field not sent stays absent; a field sent as null is
/// present with a null value, which means "back to the default".
/// </summary>
internal sealed class AlertBody
{
    public const long DefaultRearmSeconds = 600;

    public Optional<string> Name { get; private set; }

    public Optional<string?> Description { get; private set; }

    public Optional<int?> Version { get; private set; }

    /// <summary>Always present after reading: an alert without conditions is an alert with none.</summary>
    public List<AlertCondition> Conditions { get; private set; } = new();

    public Optional<List<long>?> Services { get; private set; }

    public Optional<JsonElement?> Attributes { get; private set; }

    public Optional<bool?> Active { get; private set; }

    public Optional<long?> RearmSeconds { get; private set; }

    public Optional<bool?> RearmPerSignal { get; private set; }

    public Optional<bool?> Md { get; private set; }

    public static AlertBody Read(JsonElement root, ParamErrors errors, bool create, AccountStore metrics)
    {
        var fields = new FieldReader(root, errors);
        var body = new AlertBody();
        if (create || fields.Has("name"))
        {
            if (fields.RequiredString("name", NameRules.MaxLength) is { } name)
            {
                if (NameRules.IsValidMetricName(name))
                {
                    body.Name = Optional<string>.Of(name);
                }
                else
                {
                    fields.Fail("name", ResourceMessages.Invalid);
                }
            }
        }

        body.Description = fields.String("description");
        var version = fields.Integer("version");
        if (version.Value is { } number && number is not (1 or 2))
        {
            fields.Fail("version", ErrorMessages.NotInList);
        }
        else if (version.HasValue)
        {
            body.Version = Optional<int?>.Of(version.Value is { } v ? (int)v : null);
        }

        body.Conditions = ConditionReader.Read(fields.Raw(ConditionReader.Key), errors, metrics) ?? new List<AlertCondition>();
        body.Services = ReadServiceIds(fields);
        body.Attributes = fields.Object("attributes");
        body.Active = fields.Bool("active");
        body.RearmPerSignal = fields.Bool("rearm_per_signal");
        body.Md = fields.Bool("md");
        var rearm = fields.Integer("rearm_seconds");
        if (rearm.Value is { } seconds && (seconds <= 0 || seconds % 60 != 0))
        {
            fields.Fail("rearm_seconds", "must be a multiple of 60");
        }
        else
        {
            body.RearmSeconds = rearm;
        }

        return body;
    }

    /// <summary>Service ids as numbers, numeric strings or <c>{"id":…}</c> objects, in a list or alone.</summary>
    private static Optional<List<long>?> ReadServiceIds(FieldReader fields)
    {
        var value = fields.Raw("services");
        switch (value.ValueKind)
        {
            case JsonValueKind.Undefined:
                return Optional<List<long>?>.Absent;
            case JsonValueKind.Null:
                return Optional<List<long>?>.Of(null);
        }

        var ids = new List<long>();
        if (value.ValueKind == JsonValueKind.Array)
        {
            foreach (var item in value.EnumerateArray())
            {
                if (!TryReadId(item, out long id))
                {
                    fields.Fail("services", "must be a list of service ids");
                    return Optional<List<long>?>.Absent;
                }

                if (!ids.Contains(id))
                {
                    ids.Add(id);
                }
            }
        }
        else if (TryReadId(value, out long single))
        {
            ids.Add(single);
        }
        else
        {
            fields.Fail("services", "must be a list of service ids");
            return Optional<List<long>?>.Absent;
        }

        return Optional<List<long>?>.Of(ids);
    }

    /// <summary>A service id given as a number, a numeric string (the docs show both) or an object with an id.</summary>
    public static bool TryReadId(JsonElement value, out long id)
    {
        id = 0;
        if (value.ValueKind == JsonValueKind.Object)
        {
            return value.TryGetProperty("id", out var inner) && TryReadId(inner, out id);
        }

        if (value.ValueKind == JsonValueKind.Number)
        {
            return value.TryGetInt64(out id) && id > 0;
        }

        return value.ValueKind == JsonValueKind.String &&
               long.TryParse(value.GetString(), NumberStyles.None, CultureInfo.InvariantCulture, out id) && id > 0;
    }
}
