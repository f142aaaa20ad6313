using System;
using System.Globalization;

namespace Librato.Emulator.Composite;

/// <summary>
/// Reads the options map of one function call. Numbers may be written bare or quoted (<c>{size:5}</c> and
/// <c>{size:"5"}</c> mean the same); booleans bare or quoted. A key the function does not know is an error, so a
/// misspelt option never silently falls back to a default.
/// </summary>
internal sealed class OptionReader
{
    private readonly string function;
    private readonly MapSyntax? map;

    public OptionReader(string function, MapSyntax? map, params string[] allowed)
    {
        this.function = function;
        this.map = map;
        if (map is null)
        {
            return;
        }

        foreach (var entry in map.Entries)
        {
            if (Array.IndexOf(allowed, entry.Key) < 0)
            {
                string known = allowed.Length == 0 ? "it takes no options" : "known options: " + string.Join(", ", allowed);
                throw CompositeException.At(entry.Value.Position, $"{function}() has no option '{entry.Key}' ({known})");
            }
        }
    }

    public string? GetString(string key)
    {
        var literal = Find(key);
        return literal?.Kind switch
        {
            null => null,
            LiteralKind.String => literal.Text,
            _ => throw Problem(literal, key, "must be a string"),
        };
    }

    public double? GetNumber(string key)
    {
        var literal = Find(key);
        if (literal is null)
        {
            return null;
        }

        if (literal.Kind != LiteralKind.Boolean &&
            double.TryParse(literal.Text, NumberStyles.Float, CultureInfo.InvariantCulture, out double value) &&
            double.IsFinite(value))
        {
            return value;
        }

        throw Problem(literal, key, "must be a number");
    }

    public long? GetInteger(string key, long min, long max)
    {
        var literal = Find(key);
        if (literal is null)
        {
            return null;
        }

        double? number = GetNumber(key);
        if (number is not { } value || value != Math.Floor(value) || value < min || value > max)
        {
            throw Problem(literal, key, $"must be a whole number from {min} to {max}");
        }

        return (long)value;
    }

    public bool? GetBoolean(string key)
    {
        var literal = Find(key);
        if (literal is null)
        {
            return null;
        }

        return literal.Text switch
        {
            "true" when literal.Kind != LiteralKind.Number => true,
            "false" when literal.Kind != LiteralKind.Number => false,
            _ => throw Problem(literal, key, "must be true or false"),
        };
    }

    /// <summary>The literal given for the key, for checks the reader does not know, such as fractions.</summary>
    public LiteralSyntax? Find(string key)
    {
        if (map is null)
        {
            return null;
        }

        foreach (var entry in map.Entries)
        {
            if (entry.Key == key)
            {
                return entry.Value;
            }
        }

        return null;
    }

    public CompositeException Problem(LiteralSyntax literal, string key, string message) =>
        CompositeException.At(literal.Position, $"the {key} option of {function}() {message}");
}
