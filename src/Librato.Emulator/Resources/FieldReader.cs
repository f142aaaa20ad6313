using System;
using System.Text.Json;
using Librato.Emulator.Http;
using Librato.Emulator.Input;
using Librato.Emulator.Storage;

namespace Librato.Emulator.Resources;

/// <summary>
/// Reads the fields of one JSON object from a request body, collecting what is wrong as <c>errors.params</c>
/// entries. A top-level reader reports each field under its own name; a reader for an element of a list
/// (a condition, a chart stream) reports under the list's name with the element named in the message:
/// <c>"conditions":["conditions[0] threshold is not present"]</c>. Numbers and booleans are also accepted
/// as text, which is what form-encoded clients send.
/// </summary>
internal sealed class FieldReader
{
    private readonly ParamErrors errors;
    private readonly string? listKey;
    private readonly string prefix;

    public FieldReader(JsonElement root, ParamErrors errors)
    {
        Root = root;
        this.errors = errors;
        prefix = string.Empty;
    }

    public FieldReader(JsonElement element, ParamErrors errors, string listKey, int index)
    {
        Root = element;
        this.errors = errors;
        this.listKey = listKey;
        prefix = $"{listKey}[{index}] ";
    }

    public JsonElement Root { get; }

    /// <summary>Whether the field was sent at all, null included.</summary>
    public bool Has(string name) => Root.ValueKind == JsonValueKind.Object && Root.TryGetProperty(name, out _);

    /// <summary>The field's value; Undefined when absent.</summary>
    public JsonElement Raw(string name) =>
        Root.ValueKind == JsonValueKind.Object && Root.TryGetProperty(name, out var value) ? value : default;

    /// <summary>How many messages have been reported so far, by this reader or any other on the same errors.</summary>
    public int ErrorCount
    {
        get
        {
            int count = 0;
            foreach (var entry in errors.Entries)
            {
                count += entry.Value.Count;
            }

            return count;
        }
    }

    /// <summary>Reports a problem with <paramref name="field"/>; an empty field name means the element itself.</summary>
    public void Fail(string field, string message)
    {
        if (listKey is null)
        {
            errors.Add(field, message);
        }
        else
        {
            errors.Add(listKey, field.Length == 0 ? prefix + message : prefix + field + " " + message);
        }
    }

    public Optional<string?> String(string name, int maxLength = int.MaxValue)
    {
        var value = Raw(name);
        switch (value.ValueKind)
        {
            case JsonValueKind.Undefined:
                return Optional<string?>.Absent;
            case JsonValueKind.Null:
                return Optional<string?>.Of(null);
            case JsonValueKind.String:
            case JsonValueKind.Number:
                string text = value.ValueKind == JsonValueKind.String ? value.GetString()! : value.GetRawText();
                if (text.Length > maxLength)
                {
                    Fail(name, $"is too long (maximum is {maxLength} characters)");
                    return Optional<string?>.Absent;
                }

                return Optional<string?>.Of(text);
            default:
                Fail(name, ResourceMessages.MustBeString);
                return Optional<string?>.Absent;
        }
    }

    /// <summary>A string that must be present and not empty; null (with an error reported) otherwise.</summary>
    public string? RequiredString(string name, int maxLength = int.MaxValue)
    {
        bool had = Has(name) && Raw(name).ValueKind is not JsonValueKind.Null;
        var value = String(name, maxLength);
        if (value.HasValue && !string.IsNullOrWhiteSpace(value.Value))
        {
            return value.Value;
        }

        if (!had || value.HasValue)
        {
            Fail(name, ErrorMessages.NotPresent);
        }

        return null;
    }

    public Optional<bool?> Bool(string name)
    {
        var value = Raw(name);
        switch (value.ValueKind)
        {
            case JsonValueKind.Undefined:
                return Optional<bool?>.Absent;
            case JsonValueKind.Null:
                return Optional<bool?>.Of(null);
            case JsonValueKind.True:
                return Optional<bool?>.Of(true);
            case JsonValueKind.False:
                return Optional<bool?>.Of(false);
            case JsonValueKind.String:
                string text = value.GetString()!;
                if (text.Equals("true", StringComparison.OrdinalIgnoreCase) || text == "1")
                {
                    return Optional<bool?>.Of(true);
                }

                if (text.Equals("false", StringComparison.OrdinalIgnoreCase) || text == "0")
                {
                    return Optional<bool?>.Of(false);
                }

                break;
            case JsonValueKind.Number:
                if (value.TryGetInt32(out int number) && number is 0 or 1)
                {
                    return Optional<bool?>.Of(number == 1);
                }

                break;
        }

        Fail(name, ResourceMessages.MustBeBoolean);
        return Optional<bool?>.Absent;
    }

    public Optional<long?> Integer(string name)
    {
        var value = Raw(name);
        if (value.ValueKind == JsonValueKind.Undefined)
        {
            return Optional<long?>.Absent;
        }

        var status = JsonNumbers.ReadInteger(value, out long number);
        switch (status)
        {
            case NumberStatus.Ok:
                return Optional<long?>.Of(number);
            case NumberStatus.Missing:
                return Optional<long?>.Of(null);
            default:
                Fail(name, JsonNumbers.Describe(status));
                return Optional<long?>.Absent;
        }
    }

    public Optional<double?> Number(string name)
    {
        var value = Raw(name);
        if (value.ValueKind == JsonValueKind.Undefined)
        {
            return Optional<double?>.Absent;
        }

        var status = JsonNumbers.ReadDouble(value, out double number);
        switch (status)
        {
            case NumberStatus.Ok:
                return Optional<double?>.Of(number);
            case NumberStatus.Missing:
                return Optional<double?>.Of(null);
            default:
                Fail(name, JsonNumbers.Describe(status));
                return Optional<double?>.Absent;
        }
    }

    /// <summary>A free-form JSON object (service settings, alert attributes), copied so it outlives the request.</summary>
    public Optional<JsonElement?> Object(string name)
    {
        var value = Raw(name);
        switch (value.ValueKind)
        {
            case JsonValueKind.Undefined:
                return Optional<JsonElement?>.Absent;
            case JsonValueKind.Null:
                return Optional<JsonElement?>.Of(null);
            case JsonValueKind.Object:
                return Optional<JsonElement?>.Of(value.Clone());
            default:
                Fail(name, ResourceMessages.MustBeObject);
                return Optional<JsonElement?>.Absent;
        }
    }
}
