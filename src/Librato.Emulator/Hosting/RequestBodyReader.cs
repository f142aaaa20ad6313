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
        // Decompressed into a pooled array too: at a few thousand batches a second, growing streams and their
        // copies were most of what the emulator allocated.
        byte[] content = ArrayPool<byte>.Shared.Rent((int)Math.Clamp(raw.Length * 8L, 4096, PooledLimit));
        int length = 0;
        try
        {
            var source = rented is null ? new MemoryStream(raw.ToArray(), writable: false) : new MemoryStream(rented, 0, raw.Length, writable: false);
            using var input = open(source);
            int count;
            while ((count = input.Read(content, length, content.Length - length)) > 0)
            {
                length += count;
                if (length == content.Length)
                {
                    content = Grow(content, length);
                }
            }

            return RequestBody.Decoded(raw, content.AsMemory(0, length), rented, content);
        }
        catch (InvalidDataException)
        {
            ArrayPool<byte>.Shared.Return(content);
            return RequestBody.Failed(raw, StatusCodes.Status400BadRequest,
                $"Could not decompress the request body (Content-Encoding: {encoding})", rented);
        }
        catch
        {
            ArrayPool<byte>.Shared.Return(content);
            throw;
        }
    }

    private static byte[] Grow(byte[] full, int length)
    {
        byte[] larger = ArrayPool<byte>.Shared.Rent(full.Length * 2);
        Buffer.BlockCopy(full, 0, larger, 0, length);
        ArrayPool<byte>.Shared.Return(full);
        return larger;
    }
}
