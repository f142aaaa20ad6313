using System.Text.Json;
using Librato.Emulator.Input;
using Librato.Emulator.Storage;

namespace Librato.Emulator.Metadata;

/// <summary>Checks the metric attributes whose type the API documents; other attributes are stored as given.</summary>
internal static class AttributeRules
{
    /// <summary>Null when the value is acceptable for the attribute, otherwise a message naming the attribute.</summary>
    public static string? Problem(string name, JsonElement value)
    {
        if (value.ValueKind == JsonValueKind.Null)
        {
            return null;
        }

        switch (name)
        {
            case "color":
                return IsHexColor(value) ? null : "color must be a 7-character hex color such as #52D74C";
            case "summarize_function":
                return value.ValueKind == JsonValueKind.String &&
                       value.GetString() is "average" or "sum" or "count" or "min" or "max"
                    ? null
                    : "summarize_function must be one of average, sum, count, min, max";
            case "display_stacked":
            case "aggregate":
            case "gap_detection":
                return JsonBooleans.TryRead(value, out _) ? null : $"{name} must be true or false";
            case "display_min":
            case "display_max":
                return JsonNumbers.ReadDouble(value, out _) == NumberStatus.Ok ? null : $"{name} is not a number";
            case "display_units_long":
            case "display_units_short":
            case "display_transform":
                return value.ValueKind == JsonValueKind.String ? null : $"{name} must be a string";
            default:
                return null;
        }
    }

    /// <summary>
    /// The value to store for an acceptable attribute: form-encoded clients send every value as a string, so the
    /// flags and bounds are stored as the boolean or number they stand for.
    /// </summary>
    public static JsonElement Normalize(string name, JsonElement value)
    {
        if (value.ValueKind != JsonValueKind.String)
        {
            return value;
        }

        switch (name)
        {
            case "display_stacked":
            case "aggregate":
            case "gap_detection":
                return JsonBooleans.TryRead(value, out bool flag) ? (flag ? JsonValues.True : JsonValues.False) : value;
            case "display_min":
            case "display_max":
                return JsonNumbers.ReadDouble(value, out double number) == NumberStatus.Ok
                    ? JsonSerializer.SerializeToElement(number)
                    : value;
            default:
                return value;
        }
    }

    private static bool IsHexColor(JsonElement value) =>
        value.ValueKind == JsonValueKind.String && HexColor.IsValid(value.GetString()!);
}
