using System;
using System.Collections.Generic;
using System.Linq;
using System.Net;
using System.Net.Http;
using System.Net.Security;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using System.Threading;
using System.Threading.Tasks;
using Librato.Api;
using Xunit;

namespace Librato.Api.Tests.Sending
{
    /// <summary>The transport under the engine: what it retries, how long it waits, what it says, and what it keeps.</summary>
    public class TransportTests
    {
        [Fact]
        public async Task Each_kind_of_failure_is_described_in_the_retry_trace()
        {
            var clock = ApiScript.Clock();
            var api = new ApiScript
            {
                Hold = r => r.Index == 1,
                Answer = r => r.Index switch
                {
                    0 => new HttpResponseMessage(HttpStatusCode.ServiceUnavailable),
                    2 => throw new HttpRequestException("Connection refused"),
                    _ => null,
                },
            };
            var trace = new ListTrace();
            using var client = api.Client(clock, maxRetries: 3, timeout: TimeSpan.FromSeconds(5));
            await Points.Run(clock, client.SubmitLegacyAsync(Points.Legacy(1), trace));

            var retries = trace.Lines.Where(l => l.StartsWith("Retrying", StringComparison.Ordinal)).ToList();
            Assert.Equal(3, retries.Count);
            Assert.Matches(@"^Retrying POST https://api\.invalid/v1/metrics in [\d.]+ s \(retry 1 of 3\) after 503$", retries[0]);
            Assert.EndsWith("(retry 2 of 3) after a timeout", retries[1]);
            Assert.EndsWith("(retry 3 of 3) after a connection failure", retries[2]);
            Assert.Contains(trace.Lines, l => l.StartsWith("POST https://api.invalid/v1/metrics timed out after ", StringComparison.Ordinal));
            Assert.Contains(trace.Lines, l => l.StartsWith("POST https://api.invalid/v1/metrics failed after ", StringComparison.Ordinal) && l.EndsWith("Connection refused"));
            Assert.Contains(trace.Lines, l => l.StartsWith("POST https://api.invalid/v1/metrics -> 200 in ", StringComparison.Ordinal));
        }

        [Fact]
        public async Task Retry_waits_grow_with_jitter_and_never_pass_the_longest_wait()
        {
            var clock = ApiScript.Clock();
            var answered = new List<DateTimeOffset>();
            var api = ApiScript.Timed(clock, answered, r => new HttpResponseMessage(HttpStatusCode.InternalServerError));
            using var client = api.Client(clock, maxRetries: 6);
            var trace = new ListTrace();
            var ex = await Assert.ThrowsAsync<LibratoApiException>(() => Points.Run(clock, client.SubmitAsync(Points.Legacy(1), trace), TimeSpan.FromMilliseconds(20)));
            Assert.Equal(LibratoErrorKind.ServerError, ex.Kind);
            Assert.Equal(7, answered.Count);

            // Base 1 s doubling per retry, each wait between half and all of its ceiling, the ceiling capped at 8 s;
            // and waited out on the clock.
            var ceilings = new[] { 1.0, 2, 4, 8, 8, 8 };
            var waits = trace.RetryWaits();
            Assert.Equal(ceilings.Length, waits.Count);
            for (var i = 0; i < ceilings.Length; i++)
            {
                Assert.InRange(waits[i], ceilings[i] / 2, ceilings[i]);
                Assert.True((answered[i + 1] - answered[i]).TotalSeconds >= waits[i] - 0.05, $"retry {i + 1}: waited {(answered[i + 1] - answered[i]).TotalSeconds} s, chose {waits[i]} s");
            }

            // Jitter: not every wait sits at its ceiling.
            Assert.Contains(Enumerable.Range(0, 6), i => waits[i] < ceilings[i]);
        }

        [Fact]
        public async Task A_retry_that_would_end_past_the_deadline_is_not_waited_for()
        {
            var clock = ApiScript.Clock();
            var api = new ApiScript { Answer = r => new HttpResponseMessage(HttpStatusCode.ServiceUnavailable) };
            var trace = new ListTrace();
            using var client = api.Client(clock, maxRetries: 5);
            var policy = new RequestPolicy { Deadline = clock.GetUtcNow() + TimeSpan.FromSeconds(0.4) };
            await Assert.ThrowsAsync<LibratoApiException>(() => client.SubmitAsync(Points.Legacy(1), trace, policy, CancellationToken.None));
            Assert.Single(api.Requests);
            Assert.Contains(trace.Lines, l => l.StartsWith("Not retrying POST https://api.invalid/v1/metrics after 503: the send's time limit ends before a retry in", StringComparison.Ordinal));
        }

        [Fact]
        public async Task A_policy_lowers_the_retries_but_never_raises_them()
        {
            var api = new ApiScript { Answer = r => new HttpResponseMessage(HttpStatusCode.ServiceUnavailable) };
            using var client = api.Client(maxRetries: 0);
            await Assert.ThrowsAsync<LibratoApiException>(() => client.SubmitAsync(Points.Legacy(1), null, new RequestPolicy { MaxRetries = 5 }, CancellationToken.None));
            Assert.Single(api.Requests);
        }

        [Theory]
        [InlineData(HttpStatusCode.ServiceUnavailable, true)]
        [InlineData(HttpStatusCode.BadRequest, true)]
        public async Task A_body_goes_back_to_the_pool_once_an_answer_came(HttpStatusCode status, bool returned)
        {
            var api = new ApiScript { Answer = r => new HttpResponseMessage(status) };
            using var client = api.Client();
            var body = new RequestBody(BatchWriter.Legacy(Points.Legacy(10)));
            var transport = Transport(client);
            await Assert.ThrowsAsync<LibratoApiException>(() => transport.SendAsync(HttpMethod.Post, "v1/metrics", body, null, CancellationToken.None));
            Assert.Equal(returned, body.IsReturned);
        }

        [Fact]
        public async Task A_body_whose_request_got_no_answer_is_left_to_the_garbage_collector()
        {
            var clock = ApiScript.Clock();
            var api = new ApiScript { Hold = r => true };
            using var client = api.Client(clock, timeout: TimeSpan.FromSeconds(1));
            var body = new RequestBody(BatchWriter.Legacy(Points.Legacy(10)));
            var transport = Transport(client);
            var ex = await Assert.ThrowsAsync<LibratoApiException>(() => Points.Run(clock, transport.SendAsync(HttpMethod.Post, "v1/metrics", body, null, CancellationToken.None)));
            Assert.Equal(LibratoErrorKind.Timeout, ex.Kind);
            Assert.True(ex.IsTransient);
            Assert.False(body.IsReturned);
            // What did not come and after how long, not the runtime's "The operation was canceled".
            Assert.Equal("POST v1/metrics failed: timed out: no answer within 1 s", ex.Message);
        }

        [Fact]
        public async Task An_answered_request_returns_its_body_even_after_earlier_attempts_failed_with_answers()
        {
            var api = new ApiScript { Answer = r => r.Index == 0 ? new HttpResponseMessage(HttpStatusCode.BadGateway) : null };
            using var client = api.Client(maxRetries: 1);
            var body = new RequestBody(BatchWriter.Legacy(Points.Legacy(10)));
            await Transport(client).SendAsync(HttpMethod.Post, "v1/metrics", body, null, CancellationToken.None);
            Assert.True(body.IsReturned);
        }

        [Theory]
        [InlineData(407, LibratoErrorKind.ProxyAuthenticationFailed)]
        [InlineData(413, LibratoErrorKind.PayloadTooLarge)]
        [InlineData(401, LibratoErrorKind.Unauthorized)]
        [InlineData(403, LibratoErrorKind.Forbidden)]
        [InlineData(404, LibratoErrorKind.NotFound)]
        [InlineData(422, LibratoErrorKind.InvalidRequest)]
        [InlineData(429, LibratoErrorKind.RateLimited)]
        [InlineData(500, LibratoErrorKind.ServerError)]
        public async Task Statuses_map_to_what_the_caller_decides_on(int status, LibratoErrorKind kind)
        {
            var api = new ApiScript { Answer = r => new HttpResponseMessage((HttpStatusCode)status) };
            using var client = api.Client();
            var ex = await Assert.ThrowsAsync<LibratoApiException>(() => client.ListMetricsAsync(null));
            Assert.Equal(kind, ex.Kind);
            Assert.Equal(status, ex.StatusCode);
            Assert.Equal(kind == LibratoErrorKind.ServerError || kind == LibratoErrorKind.RateLimited, ex.IsTransient);
            Assert.Equal(kind == LibratoErrorKind.Unauthorized || kind == LibratoErrorKind.Forbidden || kind == LibratoErrorKind.ProxyAuthenticationFailed, ex.IsSessionProblem);
        }

        [Fact]
        public async Task The_last_2xx_is_an_answer_and_every_3xx_a_redirect()
        {
            var status = 299;
            var api = new ApiScript { Answer = r => new HttpResponseMessage((HttpStatusCode)status) };
            using var client = api.Client();

            await client.SubmitLegacyAsync(Points.Legacy(1));
            foreach (var redirect in new[] { 300, 399 })
            {
                status = redirect;
                var ex = await Assert.ThrowsAsync<LibratoApiException>(() => client.SubmitLegacyAsync(Points.Legacy(1)));
                Assert.Equal(LibratoErrorKind.Redirected, ex.Kind);
                Assert.Equal(redirect, ex.StatusCode);
            }

            status = 400;
            var refused = await Assert.ThrowsAsync<LibratoApiException>(() => client.SubmitLegacyAsync(Points.Legacy(1)));
            Assert.NotEqual(LibratoErrorKind.Redirected, refused.Kind);
        }

        [Fact]
        public async Task A_redirect_names_its_target_without_the_query_or_says_it_named_none()
        {
            Uri? location = null;
            var api = new ApiScript
            {
                Answer = r =>
                {
                    var response = new HttpResponseMessage(HttpStatusCode.Found);
                    response.Headers.Location = location;
                    return response;
                },
            };
            using var client = api.Client();

            var none = await Assert.ThrowsAsync<LibratoApiException>(() => client.SubmitLegacyAsync(Points.Legacy(1)));
            Assert.Contains("a redirect to no Location, which is not followed", none.Message);

            location = new Uri("/v2/metrics?token=abc", UriKind.Relative);
            var relative = await Assert.ThrowsAsync<LibratoApiException>(() => client.SubmitLegacyAsync(Points.Legacy(1)));
            Assert.Contains("a redirect to '/v2/metrics', which is not followed", relative.Message);
            Assert.DoesNotContain("abc", relative.Message);
        }

        [Fact]
        public async Task Every_request_names_the_library_asks_for_JSON_and_carries_the_credentials()
        {
            var api = new ApiScript();
            using (var client = api.Client())
            {
                await client.SubmitLegacyAsync(Points.Legacy(1));
            }

            var headers = Assert.Single(api.Requests).Headers!;
            Assert.Equal(new LibratoClientOptions().UserAgent, headers.UserAgent.ToString());
            Assert.Equal("application/json", Assert.Single(headers.Accept).MediaType);
            Assert.Equal("Basic", headers.Authorization!.Scheme);
            Assert.Equal(Convert.ToBase64String(System.Text.Encoding.UTF8.GetBytes("a@b.c:t")), headers.Authorization.Parameter);
        }

        [Fact]
        public async Task A_body_waits_for_the_go_ahead_only_through_a_proxy()
        {
            var direct = new ApiScript();
            using (var client = direct.Client())
            {
                await client.SubmitLegacyAsync(Points.Legacy(1));
            }

            var proxied = new ApiScript();
            var options = new LibratoClientOptions { Endpoint = new Uri("https://api.invalid"), MaxRetries = 0, Proxy = new WebProxy("http://proxy.invalid:3128") };
            using (var client = new LibratoClient(new LibratoCredentials("a@b.c", "t"), options, proxied))
            {
                await client.SubmitLegacyAsync(Points.Legacy(1));
            }

            Assert.False(Assert.Single(direct.Requests).Headers!.ExpectContinue);
            Assert.True(Assert.Single(proxied.Requests).Headers!.ExpectContinue);
        }

        [Fact]
        public void A_client_given_a_handler_leaves_it_to_its_owner()
        {
            var api = new ApiScript();
            api.Client().Dispose();

            Assert.False(api.Disposed);
            api.Dispose();
            Assert.True(api.Disposed);
        }

        [Fact]
        public void A_proxy_refusal_says_what_to_check()
        {
            var ex = ErrorBody.ToException("POST", "v1/metrics", 407, System.Text.Encoding.UTF8.GetBytes("<html>Proxy Authentication Required</html>"));
            Assert.Equal(LibratoErrorKind.ProxyAuthenticationFailed, ex.Kind);
            Assert.Equal(new[] { ErrorBody.ProxyAdvice }, ex.ApiErrors);

            var page = ErrorBody.ToException("POST", "v1/metrics", 401, System.Text.Encoding.UTF8.GetBytes("<html>Unauthorized</html>"), null, viaProxy: true);
            Assert.Equal(LibratoErrorKind.ProxyAuthenticationFailed, page.Kind);
            var api = ErrorBody.ToException("POST", "v1/metrics", 401, System.Text.Encoding.UTF8.GetBytes("{\"errors\":{\"request\":[\"Please provide credentials\"]}}"), null, viaProxy: true);
            Assert.Equal(LibratoErrorKind.Unauthorized, api.Kind);
            Assert.Equal(LibratoErrorKind.Unauthorized, ErrorBody.ToException("POST", "v1/metrics", 401, System.Text.Encoding.UTF8.GetBytes("<html/>")).Kind);
        }

        [Fact]
        public void The_handler_never_follows_redirects_and_watches_certificates()
        {
            using var handler = HandlerFactory.Create(new LibratoClientOptions(), new CertificateObserver());
            Assert.Equal(false, handler.GetType().GetProperty("AllowAutoRedirect")!.GetValue(handler));
            var ssl = handler.GetType().GetProperty("SslOptions")!.GetValue(handler)!;
            Assert.NotNull(ssl.GetType().GetProperty("RemoteCertificateValidationCallback")!.GetValue(ssl));
            Assert.Equal(false, handler.GetType().GetProperty("UseCookies")!.GetValue(handler));
            Assert.True(HandlerFactory.SupportsConnectTimeout);
        }

        [Fact]
        public void Certificate_failures_are_put_in_words_without_changing_the_decision()
        {
            var observer = new CertificateObserver();
            using var self = SelfSigned("CN=api.invalid", DateTimeOffset.UtcNow.AddDays(-1), DateTimeOffset.UtcNow.AddDays(1));
            Assert.True(observer.Validate(null, self, null, SslPolicyErrors.None));
            Assert.Null(observer.LastFailure);

            using var chain = new X509Chain();
            chain.ChainPolicy.RevocationMode = X509RevocationMode.NoCheck;
            chain.Build(self);
            Assert.False(observer.Validate(null, self, chain, SslPolicyErrors.RemoteCertificateChainErrors));
            Assert.Matches(@"^it \(CN=api\.invalid\) does not lead to a certificate authority this machine trusts \((UntrustedRoot|PartialChain)\)\. To trust a private certificate authority, ", observer.LastFailure);
            Assert.Contains(CertificateObserver.TrustAdvice(), observer.LastFailure);

            Assert.False(observer.Validate(null, self, chain, SslPolicyErrors.RemoteCertificateNameMismatch | SslPolicyErrors.RemoteCertificateChainErrors));
            Assert.StartsWith("it (CN=api.invalid) was issued for another name (RemoteCertificateNameMismatch); connect with -Endpoint", observer.LastFailure);
            Assert.Equal("the server sent none (RemoteCertificateNotAvailable)", CertificateObserver.Describe(null, null, SslPolicyErrors.RemoteCertificateNotAvailable));
            Assert.Equal("it did not validate (RemoteCertificateChainErrors)", CertificateObserver.Describe(null, null, SslPolicyErrors.RemoteCertificateChainErrors));

            using var expired = SelfSigned("CN=old.invalid", DateTimeOffset.UtcNow.AddDays(-30), DateTimeOffset.UtcNow.AddDays(-2));
            using var old = new X509Chain();
            old.ChainPolicy.RevocationMode = X509RevocationMode.NoCheck;
            old.Build(expired);
            Assert.Matches(@"^it \(CN=old\.invalid\) is valid only from \d{4}-\d\d-\d\d \d\d:\d\d:\d\dZ to \d{4}-\d\d-\d\d \d\d:\d\d:\d\dZ \(NotTimeValid\); renew the server's certificate, or check this machine's clock$",
                CertificateObserver.Describe(expired, old, SslPolicyErrors.RemoteCertificateChainErrors));
            Assert.Contains("SSL_CERT_FILE", CertificateObserver.TrustAdvice());
        }

        private static ApiTransport Transport(LibratoClient client) =>
            (ApiTransport)typeof(LibratoClient).GetField("transport", System.Reflection.BindingFlags.NonPublic | System.Reflection.BindingFlags.Instance)!.GetValue(client)!;

        private static X509Certificate2 SelfSigned(string subject, DateTimeOffset from, DateTimeOffset to)
        {
            using var key = ECDsa.Create();
            var request = new CertificateRequest(subject, key, HashAlgorithmName.SHA256);
            return request.CreateSelfSigned(from, to);
        }
    }
}
