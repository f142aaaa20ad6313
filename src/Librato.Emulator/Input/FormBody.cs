using System;
using System.Buffers;
using System.Collections.Generic;
using System.Diagnostics.CodeAnalysis;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;

namespace Librato.Emulator.Input;

/// <summary>
/// Turns an <c>application/x-www-form-urlencoded</c> body with Rails-style brackets into the JSON document a
/// JSON client would have sent, so every route parses one shape. <c>a[b]=1</c> nests objects, <c>a[]=1</c>
/// appends to a list, <c>a[][b]=1</c> builds a list of objects, and an object whose keys are all indexes
/// (<c>a[0][b]=1</c>) becomes a list in index order. Values stay strings, as Rails receives them; a key without
/// <c>=</c> is null.
/// </summary>
internal static class FormBody
{
    // Rack refuses deeper nesting too; nothing in the API needs more than a few levels.
    private const int MaxDepth = 32;

    private static readonly JsonWriterOptions WriterOptions = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    /// <summary>Converts the form; false with a message when two parameters give one name different shapes.</summary>
    public static bool TryConvert(ReadOnlySpan<byte> form, [NotNullWhen(true)] out byte[]? json, [NotNullWhen(false)] out string? error)
    {
        json = null;
        var root = new FormObject();
        foreach (string pair in Encoding.UTF8.GetString(form).Split('&', StringSplitOptions.RemoveEmptyEntries))
        {
            int equals = pair.IndexOf('=');
            string key = Decode(equals < 0 ? pair : pair.Substring(0, equals));
            string? value = equals < 0 ? null : Decode(pair.Substring(equals + 1));
            if (key.Length == 0)
            {
                continue;
            }

            var (name, segments) = SplitKey(key);
            if (segments.Count > MaxDepth)
            {
                error = $"Could not parse the form-encoded body: '{key}' is nested too deeply";
                return false;
            }

            if (!TrySet(root, name, segments, 0, value, out string? problem))
            {
                error = $"Could not parse the form-encoded body: {problem} ('{key}')";
                return false;
            }
        }

        var buffer = new ArrayBufferWriter<byte>(form.Length + 16);
        using (var writer = new Utf8JsonWriter(buffer, WriterOptions))
        {
            Write(writer, root);
        }

        json = buffer.WrittenSpan.ToArray();
        error = null;
        return true;
    }

    private static string Decode(string text) => Uri.UnescapeDataString(text.Replace('+', ' '));

    /// <summary><c>a[b][]</c> → ("a", ["b", ""]). A key whose brackets do not pair up is taken as a plain name.</summary>
    private static (string Name, List<string> Segments) SplitKey(string key)
    {
        var segments = new List<string>();
        int open = key.IndexOf('[');
        if (open <= 0)
        {
            return (key, segments);
        }

        int position = open;
        while (position < key.Length)
        {
            int close = key[position] == '[' ? key.IndexOf(']', position + 1) : -1;
            if (close < 0)
            {
                return (key, new List<string>());
            }

            segments.Add(key.Substring(position + 1, close - position - 1));
            position = close + 1;
        }

        return (key.Substring(0, open), segments);
    }

    private static bool TrySet(FormObject parent, string key, List<string> segments, int index, string? value, out string? problem)
    {
        problem = null;
        if (index == segments.Count)
        {
            if (parent.TryGet(key, out var existing) && existing is FormObject or List<object?>)
            {
                problem = $"'{key}' is given both as a value and as a list or object";
                return false;
            }

            parent.Set(key, value);
            return true;
        }

        string segment = segments[index];
        if (segment.Length == 0)
        {
            if (!parent.TryGet(key, out var existing) || existing is null)
            {
                existing = new List<object?>();
                parent.Set(key, existing);
            }

            if (existing is not List<object?> list)
            {
                problem = $"'{key}' is given both as a list and as a value or object";
                return false;
            }

            if (index + 1 == segments.Count)
            {
                list.Add(value);
                return true;
            }

            // Rails fills the last object of the list until it meets a key that object already has.
            if (list.Count == 0 || list[^1] is not FormObject last || last.HasPath(segments, index + 1))
            {
                last = new FormObject();
                list.Add(last);
            }

            return TrySet(last, segments[index + 1], segments, index + 2, value, out problem);
        }

        if (!parent.TryGet(key, out var child) || child is null)
        {
            child = new FormObject();
            parent.Set(key, child);
        }

        if (child is not FormObject nested)
        {
            problem = $"'{key}' is given both as an object and as a value or list";
            return false;
        }

        return TrySet(nested, segment, segments, index + 1, value, out problem);
    }

    private static void Write(Utf8JsonWriter writer, object? node)
    {
        switch (node)
        {
            case null:
                writer.WriteNullValue();
                break;
            case string text:
                writer.WriteStringValue(text);
                break;
            case List<object?> list:
                writer.WriteStartArray();
                foreach (var item in list)
                {
                    Write(writer, item);
                }

                writer.WriteEndArray();
                break;
            case FormObject obj when obj.IsIndexed(out var ordered):
                writer.WriteStartArray();
                foreach (var item in ordered)
                {
                    Write(writer, item);
                }

                writer.WriteEndArray();
                break;
            case FormObject obj:
                writer.WriteStartObject();
                foreach (var entry in obj.Entries)
                {
                    writer.WritePropertyName(entry.Key);
                    Write(writer, entry.Value);
                }

                writer.WriteEndObject();
                break;
        }
    }

    /// <summary>An object that keeps its keys in the order first given, as Rails does.</summary>
    private sealed class FormObject
    {
        private readonly Dictionary<string, int> positions = new(StringComparer.Ordinal);

        public List<KeyValuePair<string, object?>> Entries { get; } = new();

        public bool TryGet(string key, out object? value)
        {
            if (positions.TryGetValue(key, out int position))
            {
                value = Entries[position].Value;
                return true;
            }

            value = null;
            return false;
        }

        public void Set(string key, object? value)
        {
            if (positions.TryGetValue(key, out int position))
            {
                Entries[position] = new KeyValuePair<string, object?>(key, value);
                return;
            }

            positions[key] = Entries.Count;
            Entries.Add(new KeyValuePair<string, object?>(key, value));
        }

        /// <summary>Whether the keys segments[from..] already lead to a value here.</summary>
        public bool HasPath(List<string> segments, int from)
        {
            object? current = this;
            for (int i = from; i < segments.Count; i++)
            {
                if (segments[i].Length == 0 || current is not FormObject obj || !obj.TryGet(segments[i], out current))
                {
                    return false;
                }
            }

            return true;
        }

        /// <summary>True when every key is an index (<c>0</c>, <c>1</c>, …); the values then come in index order.</summary>
        public bool IsIndexed(out List<object?> ordered)
        {
            ordered = new List<object?>(Entries.Count);
            if (Entries.Count == 0)
            {
                return false;
            }

            var indexed = new List<KeyValuePair<int, object?>>(Entries.Count);
            foreach (var entry in Entries)
            {
                if (entry.Key.Length is 0 or > 9 || !IsDigits(entry.Key))
                {
                    return false;
                }

                indexed.Add(new KeyValuePair<int, object?>(int.Parse(entry.Key, System.Globalization.CultureInfo.InvariantCulture), entry.Value));
            }

            indexed.Sort(static (a, b) => a.Key.CompareTo(b.Key));
            foreach (var entry in indexed)
            {
                ordered.Add(entry.Value);
            }

            return true;
        }

        private static bool IsDigits(string text)
        {
            foreach (char c in text)
            {
                if (!char.IsAsciiDigit(c))
                {
                    return false;
                }
            }

            return true;
        }
    }
}
