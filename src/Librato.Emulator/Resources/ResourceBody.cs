using System;
using System.Text.Json;
using Librato.Emulator.Input;

namespace Librato.Emulator.Resources;

/// <summary>
/// Reads the body of a resource write route as one JSON object. The API takes both JSON and form-encoded
/// bodies here; which one was sent is decided by the body itself (a JSON object starts with '{'), so the
/// route works whatever Content-Type a client sets, and an empty body is an empty object.
/// </summary>
internal static class ResourceBody
{
    private static readonly JsonElement EmptyObject = JsonSerializer.SerializeToElement(new { });

    public static bool TryRead(ReadOnlyMemory<byte> body, out JsonElement root)
    {
        var span = body.Span;
        int start = 0;
        while (start < span.Length && span[start] is (byte)' ' or (byte)'\t' or (byte)'\r' or (byte)'\n')
        {
            start++;
        }

        if (start == span.Length)
        {
            root = EmptyObject;
            return true;
        }

        if (span[start] == (byte)'{' || span[start] == (byte)'[')
        {
            if (JsonBody.TryParseObject(body, out var document))
            {
                using (document)
                {
                    root = document.RootElement.Clone();
                }

                return true;
            }

            root = default;
            return false;
        }

        // Form bodies sent with their content type were converted in the pipeline; this covers ones sent without it.
        if (!FormBody.TryConvert(span, out var json, out _) || !JsonBody.TryParseObject(json, out var converted))
        {
            root = default;
            return false;
        }

        using (converted)
        {
            root = converted.RootElement.Clone();
        }

        return true;
    }
}
