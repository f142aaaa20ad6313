using System.Text.Json;
using System.Threading.Tasks;
using Librato.Emulator.Hosting;
using Librato.Emulator.Http;
using Librato.Emulator.Input;
using Microsoft.AspNetCore.Http;

namespace Librato.Emulator.Control;

/// <summary>Reads the JSON object a control route expects, answering 400 itself when there is none.</summary>
internal static class ControlBody
{
    /// <summary>The parsed body, or null after a 400 has been written.</summary>
    public static async Task<JsonDocument?> ReadObjectAsync(HttpContext context)
    {
        var body = await RequestBodyReader.ReadAsync(context.Request, context.RequestAborted).ConfigureAwait(false);
        try
        {
            if (body.Error is not null)
            {
                await JsonResponse.RequestErrorAsync(context, body.ErrorStatus, body.Error).ConfigureAwait(false);
                return null;
            }

            // The document outlives the pooled body, so it is parsed from a copy of its own.
            if (!JsonBody.TryParseObject(body.Content!.Value.ToArray(), out var document))
            {
                await JsonResponse.RequestErrorAsync(context, StatusCodes.Status400BadRequest, ErrorMessages.BodyUnparseable).ConfigureAwait(false);
                return null;
            }

            return document;
        }
        finally
        {
            body.Release();
        }
    }
}
