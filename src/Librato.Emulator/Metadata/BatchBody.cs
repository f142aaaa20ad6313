using System.Diagnostics.CodeAnalysis;
using System.Text.Json;
using Librato.Emulator.Input;

namespace Librato.Emulator.Metadata;

/// <summary>The optional JSON body of a batch route; DELETE bodies are read the same way as PUT bodies.</summary>
internal static class BatchBody
{
    /// <summary>
    /// The body's root object, or null when the request has no body. False when there is a body that is not a
    /// JSON object.
    /// </summary>
    public static bool TryRead(System.ReadOnlyMemory<byte> body, out JsonElement? root)
    {
        root = null;
        if (body.IsEmpty)
        {
            return true;
        }

        if (!JsonBody.TryParseObject(body, out var document))
        {
            return false;
        }

        using (document)
        {
            root = document.RootElement.Clone();
        }

        return true;
    }
}
