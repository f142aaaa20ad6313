using System;
using System.Text;
using System.Text.Json;

namespace Librato.Emulator.Input;

/// <summary>
/// Where one JSON value lies in a request body, and what kind it is: the single-pass submission readers keep
/// these instead of building a document, and read the value itself only when a rule needs it.
/// <see cref="Start"/> and <see cref="Length"/> cover the value's raw text (quotes included for strings,
/// braces for objects and arrays).
/// </summary>
internal readonly struct JsonScalar
{
    private JsonScalar(JsonValueKind kind, int start, int length, bool escaped)
    {
        Kind = kind;
        Start = start;
        Length = length;
        IsEscaped = escaped;
    }

    /// <summary>Undefined when the property was absent.</summary>
    public JsonValueKind Kind { get; }

    public int Start { get; }

    public int Length { get; }

    /// <summary>Whether a string holds escape sequences, so its bytes are not its text.</summary>
    public bool IsEscaped { get; }

    /// <summary>Present and not null: how the API treats a field (null counts as not given).</summary>
    public bool IsPresent => Kind is not (JsonValueKind.Undefined or JsonValueKind.Null);

    /// <summary>
    /// Captures the value the reader is positioned on. Objects and arrays are skipped over, leaving the reader on
    /// their last token.
    /// </summary>
    public static JsonScalar Capture(ref Utf8JsonReader reader)
    {
        int start = (int)reader.TokenStartIndex;
        switch (reader.TokenType)
        {
            case JsonTokenType.String:
                return new JsonScalar(JsonValueKind.String, start, reader.ValueSpan.Length + 2, reader.ValueIsEscaped);
            case JsonTokenType.Number:
                return new JsonScalar(JsonValueKind.Number, start, reader.ValueSpan.Length, false);
            case JsonTokenType.True:
                return new JsonScalar(JsonValueKind.True, start, 4, false);
            case JsonTokenType.False:
                return new JsonScalar(JsonValueKind.False, start, 5, false);
            case JsonTokenType.Null:
                return new JsonScalar(JsonValueKind.Null, start, 4, false);
            case JsonTokenType.StartObject:
            case JsonTokenType.StartArray:
                var kind = reader.TokenType == JsonTokenType.StartObject ? JsonValueKind.Object : JsonValueKind.Array;
                reader.Skip();
                return new JsonScalar(kind, start, (int)reader.BytesConsumed - start, false);
            default:
                throw new JsonException($"Unexpected token {reader.TokenType}");
        }
    }

    /// <summary>Captures the property name the reader is on, as a string value.</summary>
    public static JsonScalar CaptureName(ref Utf8JsonReader reader) =>
        new(JsonValueKind.String, (int)reader.TokenStartIndex, reader.ValueSpan.Length + 2, reader.ValueIsEscaped);

    /// <summary>The value's raw JSON text, as <see cref="JsonElement.GetRawText"/> gives it.</summary>
    public ReadOnlySpan<byte> Raw(ReadOnlySpan<byte> body) => body.Slice(Start, Length);

    /// <summary>A string's bytes between the quotes (still escaped when <see cref="IsEscaped"/>).</summary>
    public ReadOnlySpan<byte> StringBytes(ReadOnlySpan<byte> body) => body.Slice(Start + 1, Length - 2);

    public string RawText(ReadOnlySpan<byte> body) => Encoding.UTF8.GetString(Raw(body));

    /// <summary>A string's text; null for any other kind.</summary>
    public string? GetString(ReadOnlySpan<byte> body)
    {
        if (Kind != JsonValueKind.String)
        {
            return null;
        }

        if (!IsEscaped)
        {
            return Encoding.UTF8.GetString(StringBytes(body));
        }

        var reader = new Utf8JsonReader(Raw(body));
        reader.Read();
        return reader.GetString();
    }

    /// <summary>A string's text if it is a string, otherwise the raw JSON text: how names and sources are read.</summary>
    public string TextOrRaw(ReadOnlySpan<byte> body) => Kind == JsonValueKind.String ? GetString(body)! : RawText(body);

    public NumberStatus ReadDouble(ReadOnlySpan<byte> body, out double value)
    {
        switch (Kind)
        {
            case JsonValueKind.Undefined:
            case JsonValueKind.Null:
                value = 0;
                return NumberStatus.Missing;
            case JsonValueKind.Number:
                return JsonNumbers.ParseDouble(Raw(body), out value);
            case JsonValueKind.String:
                return IsEscaped ? JsonNumbers.ParseDouble(GetString(body), out value) : JsonNumbers.ParseDoubleText(StringBytes(body), out value);
            default:
                value = 0;
                return NumberStatus.NotANumber;
        }
    }

    public NumberStatus ReadInteger(ReadOnlySpan<byte> body, out long value)
    {
        switch (Kind)
        {
            case JsonValueKind.Undefined:
            case JsonValueKind.Null:
                value = 0;
                return NumberStatus.Missing;
            case JsonValueKind.Number:
                return JsonNumbers.ParseIntegerNumber(Raw(body), out value);
            case JsonValueKind.String:
                return JsonNumbers.ParseInteger(GetString(body), out value);
            default:
                value = 0;
                return NumberStatus.NotANumber;
        }
    }

    /// <summary>
    /// Cheap pre-check for the too-large rule: a number token can only reach 1e127 with an exponent or with more
    /// than 126 digits, so most values are cleared without parsing.
    /// </summary>
    public bool IsTooLarge(ReadOnlySpan<byte> body)
    {
        if (Kind == JsonValueKind.Number)
        {
            var raw = Raw(body);
            if (raw.Length < 127 && raw.IndexOfAny((byte)'e', (byte)'E') < 0)
            {
                return false;
            }
        }
        else if (Kind != JsonValueKind.String)
        {
            return false;
        }

        return ReadDouble(body, out _) == NumberStatus.TooLarge;
    }
}
