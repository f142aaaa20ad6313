using System;
using System.Buffers;
using System.IO;
using System.IO.Compression;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.AspNetCore.Http;

namespace Librato.Emulator.Hosting;

/// <summary>Reads a whole request body and undoes <c>Content-Encoding: gzip</c> or <c>deflate</c>.</summary>
internal static class RequestBodyReader
{
    // Bodies of a known length up to this size are read into a pooled array: submission batches are large and
    // frequent, and a fresh array per request would be a large-object allocation each time.
    private const int PooledLimit = 16 * 1024 * 1024;

    public static async Task<RequestBody> ReadAsync(HttpRequest request, CancellationToken cancellationToken)
    {
        if (request.ContentLength == 0)
        {
            return RequestBody.Empty;
        }

        byte[]? rented = null;
        ReadOnlyMemory<byte> raw;
        if (request.ContentLength is > 0 and <= PooledLimit)
        {
            int length = (int)request.ContentLength.Value;
            rented = ArrayPool<byte>.Shared.Rent(length);
            int read = 0;
            try
            {
                int count;
                while (read < length && (count = await request.Body.ReadAsync(rented.AsMemory(read, length - read), cancellationToken).ConfigureAwait(false)) > 0)
                {
                    read += count;
                }
            }
            catch
            {
                ArrayPool<byte>.Shared.Return(rented);
                throw;
            }

            raw = rented.AsMemory(0, read);
        }
        else
        {
            using var buffer = new MemoryStream(4096);
            await request.Body.CopyToAsync(buffer, cancellationToken).ConfigureAwait(false);
            raw = buffer.ToArray();
        }

        string encoding = request.Headers.ContentEncoding.ToString().Trim().ToLowerInvariant();
        switch (encoding)
        {
            case "":
            case "identity":
                return RequestBody.Decoded(raw, raw, rented);
            case "gzip":
            case "x-gzip":
                return Decompress(raw, rented, encoding, static s => new GZipStream(s, CompressionMode.Decompress));
            case "deflate":
                return Decompress(raw, rented, encoding, static s => new ZLibStream(s, CompressionMode.Decompress));
            default:
                return RequestBody.Failed(raw, StatusCodes.Status415UnsupportedMediaType,
                    $"Content-Encoding '{encoding}' is not supported (use gzip, deflate or none)", rented);
        }
    }

    private static RequestBody Decompress(ReadOnlyMemory<byte> raw, byte[]? rented, string encoding, Func<Stream, Stream> open)
    {
        try
        {
            using var input = open(new MemoryStream(raw.ToArray(), writable: false));
            using var output = new MemoryStream(raw.Length * 4);
            input.CopyTo(output);
            return RequestBody.Decoded(raw, output.ToArray(), rented);
        }
        catch (InvalidDataException)
        {
            return RequestBody.Failed(raw, StatusCodes.Status400BadRequest,
                $"Could not decompress the request body (Content-Encoding: {encoding})", rented);
        }
    }
}
