using System;
using System.Collections.Generic;
using System.Text;
using System.Text.Json;
using Librato.Emulator.Storage;

namespace Librato.Emulator.Input;

/// <summary>
/// Tag names match <c>[-.:_\w]{1,64}</c> and values <c>[-.:_?\\/\w ]{1,255}</c>; both are stored lower-cased.
/// <c>\w</c> means ASCII letters, digits and '_', as in the Ruby expressions the API documents.
/// </summary>
internal static class TagRules
{
    public const int MaxTags = 50;
    public const int MaxNameLength = 64;
    public const int MaxValueLength = 255;
    public const string NoTags = "at least one tag is required";

    /// <summary>
    /// Validates a tags object captured from a request body; on failure returns false with the reason in
    /// <paramref name="error"/>.
    /// </summary>
    public static bool TryParse(ReadOnlySpan<byte> body, in JsonScalar tags, out TagSet? tagSet, out string? error)
    {
        tagSet = null;
        if (tags.Kind != JsonValueKind.Object)
        {
            error = "must be an object of tag names and values";
            return false;
        }

        var raw = tags.Raw(body);
        var reader = new Utf8JsonReader(raw);
        reader.Read();
        var pairs = new List<KeyValuePair<string, string>>();
        while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
        {
            if (pairs.Count == MaxTags)
            {
                error = $"must not have more than {MaxTags} tags";
                return false;
            }

            string name = reader.GetString()!;
            if (!IsValidName(name))
            {
                error = $"'{name}' is not a valid tag name";
                return false;
            }

            reader.Read();
            string? value = ValueText(ref reader, raw, out string? rawText);
            if (value is null || !IsValidValue(value))
            {
                error = $"'{value ?? rawText}' is not a valid value for tag '{name}'";
                return false;
            }

            pairs.Add(new KeyValuePair<string, string>(name.ToLowerInvariant(), value.ToLowerInvariant()));
        }

        if (pairs.Count == 0)
        {
            error = NoTags;
            return false;
        }

        tagSet = TagSet.FromNormalizedPairs(pairs);
        error = null;
        return true;
    }

    public static bool IsValidName(string name)
    {
        if (name.Length == 0 || name.Length > MaxNameLength)
        {
            return false;
        }

        foreach (char c in name)
        {
            if (!IsWordChar(c) && c != '-' && c != '.' && c != ':')
            {
                return false;
            }
        }

        return true;
    }

    public static bool IsValidValue(string value)
    {
        if (value.Length == 0 || value.Length > MaxValueLength)
        {
            return false;
        }

        foreach (char c in value)
        {
            if (!IsWordChar(c) && c != '-' && c != '.' && c != ':' && c != '?' && c != '\\' && c != '/' && c != ' ')
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>
    /// Numbers and booleans are accepted as their JSON text, since clients often send them unquoted. Anything else
    /// gives null, with its raw JSON text for the error message.
    /// </summary>
    private static string? ValueText(ref Utf8JsonReader reader, ReadOnlySpan<byte> json, out string? rawText)
    {
        rawText = null;
        switch (reader.TokenType)
        {
            case JsonTokenType.String:
                return reader.GetString();
            case JsonTokenType.Number:
                return Encoding.UTF8.GetString(reader.ValueSpan);
            case JsonTokenType.True:
                return "true";
            case JsonTokenType.False:
                return "false";
            default:
                rawText = JsonScalar.Capture(ref reader).RawText(json);
                return null;
        }
    }

    private static bool IsWordChar(char c) =>
        (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '_';
}
