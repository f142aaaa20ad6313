using System.Text.Json;

namespace Librato.Api
{
    /// <summary>Reads <c>GET /v1/sources</c>: the names of the account's legacy sources.</summary>
    internal static class SourceJson
    {
        /// <summary>The page's source names; an item without a name reads as the empty string.</summary>
        public static Page<string> ReadPage(byte[] body) =>
            PageJson.ReadObjects(body, "sources", "a page of sources", e =>
                e.TryGetProperty("name", out var name) && name.ValueKind == JsonValueKind.String ? name.GetString()! : string.Empty);
    }
}
