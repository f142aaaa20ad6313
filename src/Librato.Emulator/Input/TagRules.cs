using System.Collections.Generic;
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

    /// <summary>Validates a JSON tags object; on failure returns false with the reason in <paramref name="error"/>.</summary>
    public static bool TryParse(JsonElement tags, out TagSet? tagSet, out string? error)
    {
        tagSet = null;
        if (tags.ValueKind != JsonValueKind.Object)
        {
            error = "must be an object of tag names and values";
            return false;
        }

        var pairs = new List<KeyValuePair<string, string>>();
        foreach (var property in tags.EnumerateObject())
        {
            if (pairs.Count == MaxTags)
            {
                error = $"must not have more than {MaxTags} tags";
                return false;
            }

            if (!IsValidName(property.Name))
            {
                error = $"'{property.Name}' is not a valid tag name";
                return false;
            }

            string? value = ValueText(property.Value);
            if (value is null || !IsValidValue(value))
            {
                error = $"'{(value ?? property.Value.GetRawText())}' is not a valid value for tag '{property.Name}'";
                return false;
            }

            pairs.Add(new KeyValuePair<string, string>(property.Name.ToLowerInvariant(), value.ToLowerInvariant()));
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

    /// <summary>Numbers and booleans are accepted as their JSON text, since clients often send them unquoted.</summary>
    private static string? ValueText(JsonElement value) => value.ValueKind switch
    {
        JsonValueKind.String => value.GetString(),
        JsonValueKind.Number => value.GetRawText(),
        JsonValueKind.True => "true",
        JsonValueKind.False => "false",
        _ => null,
    };

    private static bool IsWordChar(char c) =>
        (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '_';
}
