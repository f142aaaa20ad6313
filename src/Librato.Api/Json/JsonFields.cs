using System;
using System.Globalization;
using System.Text.Json;

namespace Librato.Api
{
    /// <summary>
    /// Reads the fields of one JSON object. Lenient for API answers (a value of an unexpected kind reads as unset);
    /// strict for documents people write (an unknown field or a value of the wrong kind is a FormatException that
    /// names it by its path, such as <c>charts[2].streams[0].min</c>).
    /// </summary>
    internal readonly struct JsonFields
    {
        private readonly JsonElement obj;
        private readonly string path;
        private readonly bool strict;

        public JsonFields(JsonElement obj, string path, bool strict)
        {
            this.obj = obj;
            this.path = path;
            this.strict = strict;
            if (strict && obj.ValueKind != JsonValueKind.Object)
            {
                throw new FormatException(Describe(path) + " must be a JSON object.");
            }
        }

        public string Path => path;

        public bool Strict => strict;

        public string PathOf(string name) => path.Length == 0 ? name : path + "." + name;

        /// <summary>In strict mode, fails on the first field not in <paramref name="known"/>.</summary>
        public void OnlyKnown(params string[] known)
        {
            if (!strict)
            {
                return;
            }

            foreach (var p in obj.EnumerateObject())
            {
                if (System.Array.IndexOf(known, p.Name) < 0)
                {
                    throw new FormatException($"{Describe(PathOf(p.Name))} is not a known field; expected one of: {string.Join(", ", known)}.");
                }
            }
        }

        public JsonElement Get(string name) =>
            obj.ValueKind == JsonValueKind.Object && obj.TryGetProperty(name, out var v) ? v : default;

        public bool IsSet(string name)
        {
            var v = Get(name);
            return v.ValueKind != JsonValueKind.Undefined && v.ValueKind != JsonValueKind.Null;
        }

        public string? String(string name)
        {
            var v = Get(name);
            switch (v.ValueKind)
            {
                case JsonValueKind.Undefined:
                case JsonValueKind.Null:
                    return null;
                case JsonValueKind.String:
                    return v.GetString();
                default:
                    Wrong(name, "a string");
                    return null;
            }
        }

        public double? Double(string name)
        {
            var v = Get(name);
            switch (v.ValueKind)
            {
                case JsonValueKind.Undefined:
                case JsonValueKind.Null:
                    return null;
                case JsonValueKind.Number:
                    return v.GetDouble();
                case JsonValueKind.String when double.TryParse(v.GetString(), NumberStyles.Float, CultureInfo.InvariantCulture, out var d):
                    return d;
                default:
                    Wrong(name, "a number");
                    return null;
            }
        }

        public long? Long(string name)
        {
            var d = Double(name);
            if (d.HasValue && d.Value != Math.Floor(d.Value))
            {
                Wrong(name, "a whole number");
                return null;
            }

            return d.HasValue ? (long)d.Value : (long?)null;
        }

        public int? Int(string name)
        {
            var l = Long(name);
            if (l.HasValue && (l.Value > int.MaxValue || l.Value < int.MinValue))
            {
                Wrong(name, "a whole number in range");
                return null;
            }

            return l.HasValue ? (int)l.Value : (int?)null;
        }

        public bool? Bool(string name)
        {
            var v = Get(name);
            switch (v.ValueKind)
            {
                case JsonValueKind.True:
                    return true;
                case JsonValueKind.False:
                    return false;
                case JsonValueKind.Undefined:
                case JsonValueKind.Null:
                    return null;
                case JsonValueKind.String when bool.TryParse(v.GetString(), out var b):
                    return b;
                default:
                    Wrong(name, "true or false");
                    return null;
            }
        }

        /// <summary>The field as an array; default when unset (or, leniently, not an array).</summary>
        public JsonElement Array(string name)
        {
            var v = Get(name);
            if (v.ValueKind == JsonValueKind.Array)
            {
                return v;
            }

            if (v.ValueKind != JsonValueKind.Undefined && v.ValueKind != JsonValueKind.Null)
            {
                Wrong(name, "a list");
            }

            return default;
        }

        public string Required(string name)
        {
            var value = String(name);
            if (string.IsNullOrEmpty(value))
            {
                if (strict)
                {
                    throw new FormatException(Describe(PathOf(name)) + " is required.");
                }

                return string.Empty;
            }

            return value!;
        }

        private void Wrong(string name, string expected)
        {
            if (strict)
            {
                throw new FormatException($"{Describe(PathOf(name))} must be {expected}.");
            }
        }

        private static string Describe(string path) => path.Length == 0 ? "The document" : "'" + path + "'";
    }
}
