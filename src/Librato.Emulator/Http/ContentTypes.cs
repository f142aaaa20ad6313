using System;
using Microsoft.Net.Http.Headers;

namespace Librato.Emulator.Http;

internal static class ContentTypes
{
    /// <summary>True for <c>application/json</c>, with or without parameters such as charset.</summary>
    public static bool IsJson(string? contentType) =>
        MediaTypeHeaderValue.TryParse(contentType, out var parsed) &&
        string.Equals(parsed.MediaType.Value, "application/json", StringComparison.OrdinalIgnoreCase);

    /// <summary>True for <c>application/x-www-form-urlencoded</c>, with or without parameters such as charset.</summary>
    public static bool IsForm(string? contentType) =>
        MediaTypeHeaderValue.TryParse(contentType, out var parsed) &&
        string.Equals(parsed.MediaType.Value, "application/x-www-form-urlencoded", StringComparison.OrdinalIgnoreCase);
}
