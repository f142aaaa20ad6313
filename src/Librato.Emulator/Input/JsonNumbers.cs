using System;
using System.Buffers.Text;
using System.Globalization;
using System.Numerics;
using System.Text.Json;
using Librato.Emulator.Http;

namespace Librato.Emulator.Input;

/// <summary>
/// Reads numbers the way the API accepts them: JSON numbers or numeric strings (form-encoded clients send strings).
/// </summary>
internal static class JsonNumbers
{
    // Librato stores doubles but refuses base-10 exponents above 126 and flushes those below -130 to zero.
    private const double TooLargeMagnitude = 1e127;
    private const double SmallestMagnitude = 1e-130;

    public static NumberStatus ReadDouble(JsonElement element, out double value)
    {
        value = 0;
        switch (element.ValueKind)
        {
            case JsonValueKind.Undefined:
            case JsonValueKind.Null:
                return NumberStatus.Missing;
            case JsonValueKind.Number:
                element.TryGetDouble(out value);
                return Normalize(ref value);
            case JsonValueKind.String:
                return ParseDouble(element.GetString(), out value);
            default:
                return NumberStatus.NotANumber;
        }
    }

    /// <summary>Reads a whole number; a JSON number or numeric string with a zero fraction ("12.0") is accepted.</summary>
    public static NumberStatus ReadInteger(JsonElement element, out long value)
    {
        value = 0;
        switch (element.ValueKind)
        {
            case JsonValueKind.Undefined:
            case JsonValueKind.Null:
                return NumberStatus.Missing;
            case JsonValueKind.Number:
                if (element.TryGetInt64(out value))
                {
                    return NumberStatus.Ok;
                }

                element.TryGetDouble(out double number);
                return FromDouble(number, out value);
            case JsonValueKind.String:
                return ParseInteger(element.GetString(), out value);
            default:
                return NumberStatus.NotANumber;
        }
    }

    /// <summary>A JSON number token, read as <see cref="JsonElement.TryGetDouble"/> reads it.</summary>
    public static NumberStatus ParseDouble(ReadOnlySpan<byte> token, out double value)
    {
        if (!Utf8Parser.TryParse(token, out value, out int consumed) || consumed != token.Length)
        {
            value = 0;
        }

        return Normalize(ref value);
    }

    /// <summary>The UTF-8 text of a JSON string that should hold a number.</summary>
    public static NumberStatus ParseDoubleText(ReadOnlySpan<byte> text, out double value)
    {
        if (!LooksNumeric(text) || !double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out value))
        {
            value = 0;
            return NumberStatus.NotANumber;
        }

        return Normalize(ref value);
    }

    public static NumberStatus ParseDouble(string? text, out double value)
    {
        if (!LooksNumeric(text) || !double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out value))
        {
            value = 0;
            return NumberStatus.NotANumber;
        }

        return Normalize(ref value);
    }

    /// <summary>A JSON number token that should be a whole number, read as <see cref="ReadInteger(JsonElement, out long)"/> reads it.</summary>
    public static NumberStatus ParseIntegerNumber(ReadOnlySpan<byte> token, out long value)
    {
        if (Utf8Parser.TryParse(token, out value, out int consumed) && consumed == token.Length)
        {
            return NumberStatus.Ok;
        }

        if (!Utf8Parser.TryParse(token, out double number, out consumed) || consumed != token.Length)
        {
            number = 0;
        }

        return FromDouble(number, out value);
    }

    /// <summary>Parses a query-string or JSON-string integer.</summary>
    public static NumberStatus ParseInteger(string? text, out long value)
    {
        value = 0;
        if (!LooksNumeric(text))
        {
            return NumberStatus.NotANumber;
        }

        if (long.TryParse(text, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out value))
        {
            return NumberStatus.Ok;
        }

        if (double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out double number))
        {
            return FromDouble(number, out value);
        }

        return NumberStatus.NotANumber;
    }

    public static string Describe(NumberStatus status) => status switch
    {
        NumberStatus.Missing => ErrorMessages.NotPresent,
        NumberStatus.NotAnInteger => ErrorMessages.NotAnInteger,
        NumberStatus.TooLarge => ErrorMessages.TooLarge,
        _ => ErrorMessages.NotANumber,
    };

    private static NumberStatus FromDouble(double number, out long value)
    {
        value = 0;
        if (!double.IsFinite(number) || Math.Abs(number) >= 9.2e18)
        {
            return NumberStatus.NotANumber;
        }

        if (Math.Floor(number) != number)
        {
            return NumberStatus.NotAnInteger;
        }

        value = (long)number;
        return NumberStatus.Ok;
    }

    private static NumberStatus Normalize(ref double value)
    {
        // A JSON literal such as 1e400 parses to infinity: it is simply a very large exponent.
        if (!double.IsFinite(value) || Math.Abs(value) >= TooLargeMagnitude)
        {
            return NumberStatus.TooLarge;
        }

        if (value != 0 && Math.Abs(value) < SmallestMagnitude)
        {
            value = 0.0;
        }

        return NumberStatus.Ok;
    }

    /// <summary>Rejects "NaN", "Infinity", hex and padded text, which double.TryParse would otherwise accept.</summary>
    private static bool LooksNumeric(string? text) => text is not null && LooksNumeric(text.AsSpan());

    /// <summary>Digits, signs, points and exponents only, with at least one digit; for UTF-8 bytes and for chars.</summary>
    private static bool LooksNumeric<T>(ReadOnlySpan<T> text)
        where T : unmanaged, IBinaryInteger<T>
    {
        bool sawDigit = false;
        foreach (T unit in text)
        {
            int c = int.CreateTruncating(unit);
            if (c >= '0' && c <= '9')
            {
                sawDigit = true;
            }
            else if (c != '-' && c != '+' && c != '.' && c != 'e' && c != 'E')
            {
                return false;
            }
        }

        return sawDigit;
    }
}
