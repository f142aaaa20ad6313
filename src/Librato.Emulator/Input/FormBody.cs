using System;
using System.Collections.Generic;
using System.Globalization;
using System.Net;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace Librato.Emulator.Input;

/// <summary>
/// Turns an <c>application/x-www-form-urlencoded</c> body into the JSON object a JSON client would have sent,
/// following the Rails bracket conventions the API documents: <c>settings[room]=Ops</c> nests an object,
/// <c>services[]=1</c> appends to an array, and <c>links[0][href]=…</c> builds an indexed object that becomes
/// an array. Values stay strings (readers accept numeric and boolean text); an empty value becomes null.
/// </summary>
internal static class FormBody
{
    public static JsonElement Parse(ReadOnlySpan<byte> body)
    {
        var root = new JsonObject();
        string text = Encoding.UTF8.GetString(body);
        foreach (string pair in text.Split('&', StringSplitOptions.RemoveEmptyEntries))
        {
            int equals = pair.IndexOf('=');
            string key = WebUtility.UrlDecode(equals < 0 ? pair : pair.Substring(0, equals));
            string value = equals < 0 ? string.Empty : WebUtility.UrlDecode(pair.Substring(equals + 1));
            if (key.Length > 0)
            {
                Assign(root, SplitKey(key), value.Length == 0 ? null : JsonValue.Create(value));
            }
        }

        var converted = IndexedObjectsToArrays(root)!;
        return JsonSerializer.SerializeToElement(converted);
    }

    /// <summary><c>a[b][]</c> → <c>["a", "b", ""]</c>; a key with unbalanced brackets is one plain name.</summary>
    private static List<string> SplitKey(string key)
    {
        var parts = new List<string>();
        int open = key.IndexOf('[');
        if (open <= 0)
        {
            parts.Add(key);
            return parts;
        }

        parts.Add(key.Substring(0, open));
        int position = open;
        while (position < key.Length)
        {
            if (key[position] != '[')
            {
                return new List<string> { key };
            }

            int close = key.IndexOf(']', position);
            if (close < 0)
            {
                return new List<string> { key };
            }

            parts.Add(key.Substring(position + 1, close - position - 1));
            position = close + 1;
        }

        return parts;
    }

    private static void Assign(JsonObject root, List<string> path, JsonNode? value)
    {
        JsonNode container = root;
        for (int i = 0; i < path.Count; i++)
        {
            bool last = i == path.Count - 1;
            if (container is JsonArray array)
            {
                // Here the segment is the empty "[]" that chose the array. Rails starts a new element of an
                // array of objects whenever the element being filled already has the key about to be set.
                if (last)
                {
                    array.Add(value);
                    return;
                }

                string nextKey = path[i + 1];
                if (array.Count > 0 && array[^1] is JsonObject open && !open.ContainsKey(nextKey))
                {
                    container = open;
                }
                else
                {
                    var element = new JsonObject();
                    array.Add(element);
                    container = element;
                }

                continue;
            }

            var obj = (JsonObject)container;
            string part = path[i];
            if (last)
            {
                obj[part] = value;
                return;
            }

            bool wantArray = path[i + 1].Length == 0;
            var child = obj[part];
            if (wantArray ? child is not JsonArray : child is not JsonObject)
            {
                child = wantArray ? new JsonArray() : new JsonObject();
                obj[part] = child;
            }

            container = child!;
        }
    }

    /// <summary>An object keyed only by "0", "1", … becomes an array in index order.</summary>
    private static JsonNode? IndexedObjectsToArrays(JsonNode? node)
    {
        switch (node)
        {
            case JsonObject obj:
            {
                var entries = new List<KeyValuePair<string, JsonNode?>>();
                foreach (var entry in obj)
                {
                    entries.Add(entry);
                }

                obj.Clear();
                var byIndex = new SortedDictionary<int, JsonNode?>();
                bool indexed = entries.Count > 0;
                for (int i = 0; i < entries.Count; i++)
                {
                    var converted = IndexedObjectsToArrays(entries[i].Value);
                    entries[i] = new KeyValuePair<string, JsonNode?>(entries[i].Key, converted);
                    if (indexed && int.TryParse(entries[i].Key, NumberStyles.None, CultureInfo.InvariantCulture, out int index) &&
                        index.ToString(CultureInfo.InvariantCulture) == entries[i].Key)
                    {
                        byIndex[index] = converted;
                    }
                    else
                    {
                        indexed = false;
                    }
                }

                if (indexed)
                {
                    var list = new JsonArray();
                    foreach (var entry in byIndex)
                    {
                        list.Add(entry.Value);
                    }

                    return list;
                }

                foreach (var entry in entries)
                {
                    obj[entry.Key] = entry.Value;
                }

                return obj;
            }

            case JsonArray array:
            {
                var items = new List<JsonNode?>(array);
                array.Clear();
                foreach (var item in items)
                {
                    array.Add(IndexedObjectsToArrays(item));
                }

                return array;
            }

            default:
                return node;
        }
    }
}
