using System;
using System.Collections.Generic;
using System.Text.Json;

namespace Librato.Api
{
    /// <summary>Small readers for the API's loosely typed JSON (numbers that may be null or strings, free-form objects).</summary>
    internal static class JsonValues
    {
        public static string? String(JsonElement obj, string property) =>
            obj.TryGetProperty(property, out var v) && v.ValueKind == JsonValueKind.String ? v.GetString() : null;

        public static double? Double(JsonElement obj, string property)
        {
            if (!obj.TryGetProperty(property, out var v))
            {
                return null;
            }

            if (v.ValueKind == JsonValueKind.Number)
            {
                return v.GetDouble();
            }

            return v.ValueKind == JsonValueKind.String &&
                double.TryParse(v.GetString(), System.Globalization.NumberStyles.Float, System.Globalization.CultureInfo.InvariantCulture, out var d)
                ? d
                : (double?)null;
        }

        public static long? Long(JsonElement obj, string property)
        {
            var d = Double(obj, property);
            return d.HasValue ? (long)d.Value : (long?)null;
        }

        public static int? Int(JsonElement obj, string property)
        {
            var d = Double(obj, property);
            return d.HasValue ? (int)d.Value : (int?)null;
        }

        /// <summary>Converts free-form JSON to plain .NET values: string, long, double, bool, null, dictionaries and arrays.</summary>
        public static object? ToObject(JsonElement e)
        {
            switch (e.ValueKind)
            {
                case JsonValueKind.String:
                    return e.GetString();
                case JsonValueKind.Number:
                    return e.TryGetInt64(out var l) ? l : (object)e.GetDouble();
                case JsonValueKind.True:
                    return true;
                case JsonValueKind.False:
                    return false;
                case JsonValueKind.Object:
                    return ToDictionary(e);
                case JsonValueKind.Array:
                    var list = new List<object?>();
                    foreach (var item in e.EnumerateArray())
                    {
                        list.Add(ToObject(item));
                    }

                    return list.ToArray();
                default:
                    return null;
            }
        }

        public static Dictionary<string, object?> ToDictionary(JsonElement e)
        {
            var dict = new Dictionary<string, object?>(StringComparer.OrdinalIgnoreCase);
            if (e.ValueKind == JsonValueKind.Object)
            {
                foreach (var p in e.EnumerateObject())
                {
                    dict[p.Name] = ToObject(p.Value);
                }
            }

            return dict;
        }

        public static Dictionary<string, string> ToStringMap(JsonElement e)
        {
            var dict = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
            if (e.ValueKind == JsonValueKind.Object)
            {
                foreach (var p in e.EnumerateObject())
                {
                    dict[p.Name] = p.Value.ValueKind == JsonValueKind.String ? p.Value.GetString() ?? string.Empty : p.Value.GetRawText();
                }
            }

            return dict;
        }
    }
}
