using System;
using System.IO;
using System.IO.Compression;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.AspNetCore.Http;

namespace Librato.Emulator.Hosting;

/// <summary>Reads a whole request body and undoes <c>Content-Encoding: gzip</c> or <c>deflate</c>.</summary>
internal static class RequestBodyReader
{
    public static async Task<RequestBody> ReadAsync(HttpRequest request, CancellationToken cancellationToken)
    {
        if (request.ContentLength == 0)
        {
            return RequestBody.Empty;
        }

        byte[] raw;
        using (var buffer = new MemoryStream(request.ContentLength is > 0 and < int.MaxValue ? (int)request.ContentLength.Value : 4096))
        {
            await request.Body.CopyToAsync(buffer, cancellationToken).ConfigureAwait(false);
            raw = buffer.ToArray();
        }

        string encoding = request.Headers.ContentEncoding.ToString().Trim().ToLowerInvariant();
        switch (encoding)
        {
            case "":
            case "identity":
                return RequestBody.Decoded(raw, raw);
            case "gzip":
            case "x-gzip":
                return Decompress(raw, encoding, static s => new GZipStream(s, CompressionMode.Decompress));
            case "deflate":
                return Decompress(raw, encoding, static s => new ZLibStream(s, CompressionMode.Decompress));
            default:
                return RequestBody.Failed(raw, StatusCodes.Status415UnsupportedMediaType,
                    $"Content-Encoding '{encoding}' is not supported (use gzip, deflate or none)");
        }
    }

    private static RequestBody Decompress(byte[] raw, string encoding, Func<Stream, Stream> open)
    {
        try
        {
            using var input = open(new MemoryStream(raw, writable: false));
            using var output = new MemoryStream(raw.Length * 4);
            input.CopyTo(output);
            return RequestBody.Decoded(raw, output.ToArray());
        }
        catch (InvalidDataException)
        {
            return RequestBody.Failed(raw, StatusCodes.Status400BadRequest,
                $"Could not decompress the request body (Content-Encoding: {encoding})");
        }
    }
}
