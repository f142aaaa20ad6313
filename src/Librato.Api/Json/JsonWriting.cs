using System;
using System.Collections;
using System.Globalization;
using System.IO;
using System.Text.Json;

namespace Librato.Api
{
    /// <summary>Writes request bodies and free-form values (attributes, settings) as JSON.</summary>
    internal static class JsonWriting
    {
        public static byte[] Object(Action<Utf8JsonWriter> writeProperties)
        {
            using (var stream = new MemoryStream())
            {
                using (var w = new Utf8JsonWriter(stream))
                {
                    w.WriteStartObject();
                    writeProperties(w);
                    w.WriteEndObject();
                }

                return stream.ToArray();
            }
        }

        /// <summary>Writes strings, numbers, booleans, dictionaries and lists; anything else as its invariant text.</summary>
        public static void WriteValue(Utf8JsonWriter w, object? value)
        {
            switch (value)
            {
                case null:
                    w.WriteNullValue();
                    break;
                case string s:
                    w.WriteStringValue(s);
                    break;
                case bool b:
                    w.WriteBooleanValue(b);
                    break;
                case double d:
                    w.WriteNumberValue(d);
                    break;
                case float f:
                    w.WriteNumberValue(f);
                    break;
                case decimal m:
                    w.WriteNumberValue(m);
                    break;
                case int i:
                    w.WriteNumberValue(i);
                    break;
                case long l:
                    w.WriteNumberValue(l);
                    break;
                case IConvertible c when c.GetTypeCode() >= TypeCode.SByte && c.GetTypeCode() <= TypeCode.UInt64:
                    w.WriteNumberValue(c.ToInt64(CultureInfo.InvariantCulture));
                    break;
                case IDictionary dictionary:
                    w.WriteStartObject();
                    foreach (DictionaryEntry entry in dictionary)
                    {
                        w.WritePropertyName(Convert.ToString(entry.Key, CultureInfo.InvariantCulture) ?? string.Empty);
                        WriteValue(w, entry.Value);
                    }

                    w.WriteEndObject();
                    break;
                case IEnumerable list:
                    w.WriteStartArray();
                    foreach (var item in list)
                    {
                        WriteValue(w, item);
                    }

                    w.WriteEndArray();
                    break;
                default:
                    w.WriteStringValue(value is IFormattable formattable ? formattable.ToString(null, CultureInfo.InvariantCulture) : value.ToString());
                    break;
            }
        }
    }
}
