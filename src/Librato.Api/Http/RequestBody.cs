using System.IO;
using System.IO.Compression;
using System.Net.Http;
using System.Net.Http.Headers;

namespace Librato.Api
{
    /// <summary>A request body as sent: gzip-compressed when asked and worth it, otherwise as it is.</summary>
    internal static class RequestBody
    {
        /// <summary>Below this size compression saves less than its header costs.</summary>
        public const int CompressionThreshold = 512;

        public static HttpContent Create(byte[] body, MediaTypeHeaderValue? contentType, bool compress)
        {
            ByteArrayContent content;
            if (compress && body.Length >= CompressionThreshold)
            {
                content = new ByteArrayContent(Gzip(body));
                content.Headers.ContentEncoding.Add("gzip");
            }
            else
            {
                content = new ByteArrayContent(body);
            }

            content.Headers.ContentType = contentType;
            return content;
        }

        public static byte[] Gzip(byte[] body)
        {
            using (var output = new MemoryStream(body.Length / 4))
            {
                using (var gzip = new GZipStream(output, CompressionLevel.Fastest, leaveOpen: true))
                {
                    gzip.Write(body, 0, body.Length);
                }

                return output.ToArray();
            }
        }
    }
}
