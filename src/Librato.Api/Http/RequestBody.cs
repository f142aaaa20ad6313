using System;
using System.Buffers;
using System.IO;
using System.IO.Compression;
using System.Net.Http;
using System.Net.Http.Headers;

namespace Librato.Api
{
    /// <summary>
    /// A JSON request body, kept as bytes so that every retry sends exactly what the first attempt sent, and
    /// gzip-compressed (once) when asked and worth it. Disposing it returns its pooled buffers; one that is never
    /// disposed leaves them to the garbage collector, which is safe, only slower.
    /// </summary>
    internal sealed class RequestBody : IDisposable
    {
        /// <summary>Below this size compression saves less than its header costs.</summary>
        public const int CompressionThreshold = 512;

        private static readonly MediaTypeHeaderValue Json = new MediaTypeHeaderValue("application/json");

        private readonly byte[] plain;
        private readonly int plainLength;
        private PooledBuffer? written;
        private byte[]? gzipped;
        private int gzippedLength;

        public RequestBody(byte[] body)
        {
            plain = body;
            plainLength = body.Length;
        }

        /// <summary>Takes the buffer over: it is returned to the pool when this body is disposed.</summary>
        public RequestBody(PooledBuffer body)
        {
            written = body;
            plain = body.Array;
            plainLength = body.Length;
        }

        /// <summary>Content for one attempt. The bytes stay this body's: the content only points at them.</summary>
        public HttpContent Content(bool compress)
        {
            ByteArrayContent content;
            if (compress && plainLength >= CompressionThreshold)
            {
                if (gzipped == null)
                {
                    Compress();
                }

                content = new ByteArrayContent(gzipped!, 0, gzippedLength);
                content.Headers.ContentEncoding.Add("gzip");
            }
            else
            {
                content = new ByteArrayContent(plain, 0, plainLength);
            }

            content.Headers.ContentType = Json;
            return content;
        }

        /// <summary>Whether the pooled buffers went back to the pool (the body was disposed).</summary>
        internal bool IsReturned { get; private set; }

        public void Dispose()
        {
            IsReturned = true;
            written?.Dispose();
            written = null;
            if (gzipped != null)
            {
                // Stryker disable once Statement : an array not returned is collected; the shared pool shows no difference
                ArrayPool<byte>.Shared.Return(gzipped);
                gzipped = null;
            }
        }

        private void Compress()
        {
            // zlib's conservative bound on deflate output (deflateBound for any settings) plus the gzip header and
            // trailer: the stream over this array never needs to grow. (Smaller bounds that still exceed the output
            // of incompressible data by its few bytes of framing work as well: the pool rounds up to a power of two.)
            // Stryker disable once Arithmetic,Bitwise : only the bound's lower end is observable, tested with random bytes
            var rented = ArrayPool<byte>.Shared.Rent(plainLength + (plainLength >> 3) + (plainLength >> 6) + 64);
            using (var output = new MemoryStream(rented, 0, rented.Length, writable: true))
            {
                using (var gzip = new GZipStream(output, CompressionLevel.Fastest, leaveOpen: true))
                {
                    gzip.Write(plain, 0, plainLength);
                }

                gzipped = rented;
                gzippedLength = (int)output.Position;
            }
        }
    }
}
