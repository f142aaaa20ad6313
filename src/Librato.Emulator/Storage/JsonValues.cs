using System.Text.Json;

namespace Librato.Emulator.Storage;

/// <summary>Standalone JSON values for metric attributes, which are stored as raw JSON so any client value round-trips.</summary>
internal static class JsonValues
{
    public static readonly JsonElement True = Parse("true");
    public static readonly JsonElement False = Parse("false");
    public static readonly JsonElement Null = Parse("null");

    public static JsonElement FromString(string? text) =>
        text is null ? Null : JsonSerializer.SerializeToElement(text);

    private static JsonElement Parse(string json)
    {
        using var document = JsonDocument.Parse(json);
        return document.RootElement.Clone();
    }
}
