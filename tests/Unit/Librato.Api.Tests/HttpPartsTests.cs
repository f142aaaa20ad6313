using System;
using System.Buffers;
using System.IO;
using System.IO.Compression;
using System.Linq;
using System.Net;
using System.Net.Http;
using System.Net.Http.Headers;
using System.Security;
using System.Text;
using Librato.Api;
using Librato.Api.Tests.Sending;
using Xunit;

namespace Librato.Api.Tests
{
    /// <summary>The small parts of the HTTP layer: credentials, retry hints, pooled bodies and the handler's settings.</summary>
    public class HttpPartsTests
    {
        private static SecureString Secure(string text)
        {
            var s = new SecureString();
            foreach (var c in text)
            {
                s.AppendChar(c);
            }

            return s;
        }

        [Theory]
        [InlineData(null)]
        [InlineData("")]
        public void Credentials_need_an_email(string? email)
        {
            var ex = Assert.Throws<ArgumentException>(() => new LibratoCredentials(email!, "t"));
            Assert.Equal("email", ex.ParamName);
            Assert.StartsWith("An account email is required.", ex.Message);
        }

        [Fact]
        public void Credentials_need_a_token_in_every_form()
        {
            foreach (var make in new Func<LibratoCredentials>[]
            {
                () => new LibratoCredentials("a@b.c", string.Empty),
                () => new LibratoCredentials("a@b.c", (string)null!),
                () => new LibratoCredentials("a@b.c", new SecureString()),
                () => new LibratoCredentials("a@b.c", (SecureString)null!),
                () => new LibratoCredentials(new SecureString()),
                () => new LibratoCredentials((SecureString)null!),
            })
            {
                var ex = Assert.Throws<ArgumentException>(make);
                Assert.Equal("token", ex.ParamName);
                Assert.StartsWith("An API token is required.", ex.Message);
            }
        }

        [Fact]
        public void Credentials_show_the_email_or_that_they_are_a_token_and_build_each_services_header()
        {
            var librato = new LibratoCredentials("a@b.c", Secure("s3cret"));
            var token = new LibratoCredentials(Secure("s3cret"));

            Assert.Equal("a@b.c", librato.ToString());
            Assert.Equal("API token", token.ToString());
            Assert.False(librato.IsTokenOnly);
            Assert.True(token.IsTokenOnly);
            Assert.Equal(Base64("a@b.c:s3cret"), librato.CreateAuthorizationParameter());
            Assert.Equal(Base64("a@b.c:s3cret"), librato.CreateAuthorizationParameter(MetricsApi.Librato));
            Assert.Equal(Base64("s3cret:"), token.CreateTokenOnlyParameter());
            Assert.Equal(Base64("s3cret:"), token.CreateAuthorizationParameter(MetricsApi.AppOptics));
        }

        [Fact]
        public void Credentials_keep_their_own_copy_of_the_token()
        {
            var secret = Secure("first");
            var credentials = new LibratoCredentials("a@b.c", secret);
            secret.AppendChar('!');
            Assert.Equal(Base64("a@b.c:first"), credentials.CreateAuthorizationParameter());
        }

        private static string Base64(string text) => Convert.ToBase64String(Encoding.UTF8.GetBytes(text));

        [Fact]
        public void Retry_after_as_a_delay_or_a_date_says_how_long_to_wait()
        {
            var clock = ApiScript.Clock();
            var delay = new HttpResponseMessage(HttpStatusCode.ServiceUnavailable);
            delay.Headers.RetryAfter = new RetryConditionHeaderValue(TimeSpan.FromSeconds(7));
            Assert.Equal(TimeSpan.FromSeconds(7), RetryHints.From(delay, clock));

            var future = new HttpResponseMessage(HttpStatusCode.ServiceUnavailable);
            future.Headers.RetryAfter = new RetryConditionHeaderValue(clock.GetUtcNow().AddSeconds(30));
            Assert.Equal(TimeSpan.FromSeconds(30), RetryHints.From(future, clock));

            var past = new HttpResponseMessage(HttpStatusCode.ServiceUnavailable);
            past.Headers.RetryAfter = new RetryConditionHeaderValue(clock.GetUtcNow().AddSeconds(-30));
            Assert.Equal(TimeSpan.Zero, RetryHints.From(past, clock));

            Assert.Null(RetryHints.From(new HttpResponseMessage(HttpStatusCode.ServiceUnavailable), clock));
        }

        [Fact]
        public void An_exhausted_rate_limit_in_either_header_says_when_it_resets()
        {
            var clock = ApiScript.Clock();
            var now = clock.GetUtcNow().ToUnixTimeSeconds();
            var std = new HttpResponseMessage((HttpStatusCode)429);
            std.Headers.TryAddWithoutValidation("X-Librato-RateLimit-Std", $"limit=300,remaining=0,reset={now + 12}");
            Assert.Equal(TimeSpan.FromSeconds(12), RetryHints.From(std, clock));

            var both = new HttpResponseMessage((HttpStatusCode)429);
            both.Headers.TryAddWithoutValidation("X-Librato-RateLimit-Agg", $"limit=300,remaining=5,reset={now + 40}");
            both.Headers.TryAddWithoutValidation("X-Librato-RateLimit-Std", $"limit=300,remaining=0,reset={now + 9}");
            Assert.Equal(TimeSpan.FromSeconds(9), RetryHints.From(both, clock));

            Assert.Equal(TimeSpan.Zero, RetryHints.FromRateLimit(new[] { $"remaining=0,reset={now}" }, now));
            Assert.Equal(TimeSpan.FromSeconds(1), RetryHints.FromRateLimit(new[] { " Remaining = 0 ", $" RESET= {now + 1}" }, now));
            Assert.Null(RetryHints.FromRateLimit(new[] { $"remaining=zero,reset={now + 1}" }, now));
            Assert.Null(RetryHints.FromRateLimit(new[] { $"remaining,reset={now + 1}" }, now));
        }

        [Fact]
        public void A_pooled_buffer_starts_with_room_for_a_small_body_and_fills_its_array_exactly()
        {
            using var buffer = new PooledBuffer(1);
            var array = buffer.Array;
            Assert.True(array.Length >= 256, array.Length.ToString());
            Assert.Equal(array.Length, buffer.GetSpan().Length);

            buffer.Advance(0);
            Assert.Equal(0, buffer.Length);
            buffer.GetSpan(array.Length);
            Assert.Same(array, buffer.Array);
            buffer.Advance(array.Length);
            Assert.Equal(array.Length, buffer.Length);
            Assert.Throws<ArgumentOutOfRangeException>(() => buffer.Advance(1));
        }

        [Fact]
        public void A_pooled_buffer_grows_to_at_least_double_and_gives_its_arrays_back()
        {
            // A size of its own, so that no other test's arrays are in the pool's bucket on this thread.
            var buffer = new PooledBuffer(1 << 17);
            var first = buffer.Array;
            buffer.Advance(first.Length);
            buffer.GetSpan(1);
            var grown = buffer.Array;
            Assert.NotSame(first, grown);
            Assert.True(grown.Length >= 2 * first.Length);

            var reused = ArrayPool<byte>.Shared.Rent(first.Length);
            Assert.Same(first, reused);
            ArrayPool<byte>.Shared.Return(reused);

            buffer.Dispose();
            var back = ArrayPool<byte>.Shared.Rent(grown.Length);
            Assert.Same(grown, back);
            ArrayPool<byte>.Shared.Return(back);
        }

        [Fact]
        public async System.Threading.Tasks.Task A_body_is_compressed_from_exactly_the_threshold()
        {
            var at = Encoding.UTF8.GetBytes(new string('x', RequestBody.CompressionThreshold));
            using (var body = new RequestBody(at))
            using (var content = body.Content(compress: true))
            {
                Assert.Equal("gzip", content.Headers.ContentEncoding.Single());
            }

            var below = Encoding.UTF8.GetBytes(new string('x', RequestBody.CompressionThreshold - 1));
            using (var body = new RequestBody(below))
            using (var content = body.Content(compress: true))
            {
                Assert.Empty(content.Headers.ContentEncoding);
                Assert.Equal(below, await content.ReadAsByteArrayAsync());
            }
        }

        [Theory]
        [InlineData(512)]
        [InlineData(4090)]
        [InlineData(65530)]
        [InlineData(300_000)]
        public async System.Threading.Tasks.Task A_body_that_does_not_compress_is_sent_gzipped_all_the_same(int size)
        {
            var random = new byte[size];
            new Random(size).NextBytes(random);
            using var body = new RequestBody(random);
            using var content = body.Content(compress: true);
            var sent = await content.ReadAsByteArrayAsync();
            Assert.True(sent.Length > size);
            using var gzip = new GZipStream(new MemoryStream(sent), CompressionMode.Decompress);
            using var plain = new MemoryStream();
            gzip.CopyTo(plain);
            Assert.Equal(random, plain.ToArray());
        }

        [Fact]
        public void A_disposed_body_gives_its_buffer_back_to_the_pool()
        {
            var written = new PooledBuffer(1 << 18);
            var array = written.Array;
            written.Advance(10);
            var body = new RequestBody(written);
            body.Dispose();
            Assert.True(body.IsReturned);
            var back = ArrayPool<byte>.Shared.Rent(array.Length);
            Assert.Same(array, back);
            ArrayPool<byte>.Shared.Return(back);
        }

        [Fact]
        public void The_core_handler_has_the_options_settings()
        {
            var proxy = new WebProxy("http://proxy.invalid:3128");
            var options = new LibratoClientOptions { ConnectTimeout = TimeSpan.FromSeconds(3), UseProxy = false, Proxy = proxy };
            using var handler = HandlerFactory.Create(options, new CertificateObserver());
            Assert.Equal("SocketsHttpHandler", handler.GetType().Name);
            Assert.Equal(TimeSpan.FromSeconds(3), Property(handler, "ConnectTimeout"));
            Assert.Equal(DecompressionMethods.GZip | DecompressionMethods.Deflate, Property(handler, "AutomaticDecompression"));
            Assert.Equal(TimeSpan.FromMinutes(5), Property(handler, "PooledConnectionLifetime"));
            Assert.Equal(false, Property(handler, "UseProxy"));
            Assert.Same(proxy, Property(handler, "Proxy"));
            Assert.Equal(false, Property(handler, "AllowAutoRedirect"));
            Assert.Equal(false, Property(handler, "UseCookies"));

            using var plain = HandlerFactory.Create(new LibratoClientOptions(), new CertificateObserver());
            Assert.Equal(true, Property(plain, "UseProxy"));
            Assert.Null(Property(plain, "Proxy"));
        }

        [Fact]
        public void The_framework_handler_has_the_same_settings_and_watches_certificates()
        {
            var proxy = new WebProxy("http://proxy.invalid:3128");
            var options = new LibratoClientOptions { UseProxy = false, Proxy = proxy };
            using var handler = (HttpClientHandler)HandlerFactory.Create(options, new CertificateObserver(), socketsHandler: null);
            Assert.Equal(DecompressionMethods.GZip | DecompressionMethods.Deflate, handler.AutomaticDecompression);
            Assert.False(handler.UseCookies);
            Assert.False(handler.AllowAutoRedirect);
            Assert.False(handler.UseProxy);
            Assert.Same(proxy, handler.Proxy);
            Assert.NotNull(handler.ServerCertificateCustomValidationCallback);
            Assert.True(handler.ServerCertificateCustomValidationCallback!(null!, null, null, System.Net.Security.SslPolicyErrors.None));
            Assert.False(handler.ServerCertificateCustomValidationCallback!(null!, null, null, System.Net.Security.SslPolicyErrors.RemoteCertificateNameMismatch));

            using var plain = (HttpClientHandler)HandlerFactory.Create(new LibratoClientOptions(), new CertificateObserver(), socketsHandler: null);
            Assert.True(plain.UseProxy);
            Assert.Null(plain.Proxy);
        }

        private static object? Property(object target, string name) => target.GetType().GetProperty(name)!.GetValue(target);

        [Fact]
        public void The_user_agent_names_the_library_and_its_version()
        {
            var agent = new LibratoClientOptions().UserAgent;
            Assert.Equal("Librato.Api/" + typeof(LibratoClientOptions).Assembly.GetName().Version, agent);
            Assert.True(ProductInfoHeaderValue.TryParse(agent, out _));
        }
    }
}
