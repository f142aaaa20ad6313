using System;
using System.Collections.Generic;
using System.IO;
using System.IO.Compression;
using System.Linq;
using System.Net.Http;
using System.Text;
using Librato.Api;
using Xunit;

namespace Librato.Api.Tests
{
    public class PooledRequestBodyTests
    {
        [Fact]
        public void A_pooled_buffer_keeps_every_byte_as_it_grows_past_its_first_array()
        {
            using var buffer = new PooledBuffer(16);
            var expected = new List<byte>();
            for (var i = 0; i < 5000; i++)
            {
                var span = buffer.GetSpan(3);
                span[0] = (byte)i;
                span[1] = (byte)(i >> 8);
                span[2] = 7;
                buffer.Advance(3);
                expected.AddRange(new[] { (byte)i, (byte)(i >> 8), (byte)7 });
            }

            Assert.Equal(15000, buffer.Length);
            Assert.Equal(expected.ToArray(), buffer.ToArray());
        }

        [Fact]
        public void A_pooled_buffer_refuses_use_after_it_is_returned()
        {
            var buffer = new PooledBuffer(64);
            buffer.Dispose();
            buffer.Dispose();
            Assert.Throws<ObjectDisposedException>(() => buffer.GetSpan());
            Assert.Throws<ObjectDisposedException>(() => buffer.ToArray());
        }

        [Fact]
        public void A_pooled_buffer_refuses_to_advance_past_what_it_handed_out()
        {
            using var buffer = new PooledBuffer(64);
            var handedOut = buffer.GetSpan().Length;
            Assert.Throws<ArgumentOutOfRangeException>(() => buffer.Advance(handedOut + 1));
            Assert.Throws<ArgumentOutOfRangeException>(() => buffer.Advance(-1));
        }

        [Fact]
        public void A_large_body_is_sent_gzipped_and_the_same_bytes_on_every_attempt()
        {
            var json = "{\"measurements\":[" + string.Join(",", Enumerable.Range(0, 200).Select(i => $"{{\"name\":\"m\",\"value\":{i}}}")) + "]}";
            using var written = new PooledBuffer(8);
            var bytes = Encoding.UTF8.GetBytes(json);
            bytes.CopyTo(written.GetSpan(bytes.Length));
            written.Advance(bytes.Length);
            using var body = new RequestBody(written);

            var first = Read(body.Content(compress: true), out var firstEncoding, out var firstType);
            var second = Read(body.Content(compress: true), out _, out _);

            Assert.Equal("gzip", firstEncoding);
            Assert.Equal("application/json", firstType);
            Assert.Equal(first, second);
            Assert.True(first.Length * 5 < bytes.Length, $"{first.Length} of {bytes.Length}");
            Assert.Equal(json, Gunzip(first));
        }

        [Fact]
        public void A_small_body_or_compression_turned_off_is_sent_as_it_is()
        {
            var small = Encoding.UTF8.GetBytes("{\"name\":\"m\"}");
            using var smallBody = new RequestBody(small);
            Assert.Equal(small, Read(smallBody.Content(compress: true), out var smallEncoding, out _));
            Assert.Null(smallEncoding);

            var large = Encoding.UTF8.GetBytes(new string(' ', RequestBody.CompressionThreshold) + "{}");
            using var largeBody = new RequestBody(large);
            Assert.Equal(large, Read(largeBody.Content(compress: false), out var largeEncoding, out _));
            Assert.Null(largeEncoding);
        }

        private static byte[] Read(HttpContent content, out string? encoding, out string? type)
        {
            using (content)
            {
                encoding = content.Headers.ContentEncoding.SingleOrDefault();
                type = content.Headers.ContentType?.MediaType;
                return content.ReadAsByteArrayAsync().GetAwaiter().GetResult();
            }
        }

        private static string Gunzip(byte[] compressed)
        {
            using var gzip = new GZipStream(new MemoryStream(compressed), CompressionMode.Decompress);
            using var reader = new StreamReader(gzip, Encoding.UTF8);
            return reader.ReadToEnd();
        }
    }
}
