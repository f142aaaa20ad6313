using System;
using System.Collections.Generic;
using System.Net;
using System.Net.Http;
using System.Threading;
using System.Threading.Tasks;
using Xunit;

namespace Librato.Api.Tests
{
    /// <summary>What every request carries, and how the transport reads the edges of the status ranges.</summary>
    public sealed class TransportDetailTests
    {
        /// <summary>Keeps each request's headers as sent and answers as scripted; says whether it was disposed.</summary>
        private sealed class Recorder : HttpMessageHandler
        {
            private readonly Func<HttpResponseMessage> answer;

            public Recorder(Func<HttpResponseMessage>? answer = null) =>
                this.answer = answer ?? (() => new HttpResponseMessage(HttpStatusCode.OK) { Content = new StringContent(string.Empty) });

            public List<HttpRequestMessage> Requests { get; } = new List<HttpRequestMessage>();

            public bool Disposed { get; private set; }

            protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
            {
                Requests.Add(request);
                return Task.FromResult(answer());
            }

            protected override void Dispose(bool disposing)
            {
                Disposed = true;
                base.Dispose(disposing);
            }
        }

        private static LibratoClient Client(Recorder handler, IWebProxy? proxy = null) =>
            new LibratoClient(
                new LibratoCredentials("a@b.c", "t"),
                new LibratoClientOptions { Endpoint = new Uri("https://api.invalid"), MaxRetries = 0, Proxy = proxy },
                handler);

        private static Task Submit(LibratoClient client) => client.SubmitLegacyAsync(new[] { new Measurement("m", 1) });

        [Fact]
        public async Task Every_request_names_the_library_asks_for_JSON_and_carries_the_credentials()
        {
            var handler = new Recorder();
            using (var client = Client(handler))
            {
                await Submit(client);
            }

            var request = Assert.Single(handler.Requests);
            Assert.Equal(new LibratoClientOptions().UserAgent, request.Headers.UserAgent.ToString());
            Assert.Equal("application/json", Assert.Single(request.Headers.Accept).MediaType);
            Assert.Equal("Basic", request.Headers.Authorization!.Scheme);
            Assert.Equal(Convert.ToBase64String(System.Text.Encoding.UTF8.GetBytes("a@b.c:t")), request.Headers.Authorization.Parameter);
        }

        [Fact]
        public async Task A_body_waits_for_the_go_ahead_only_through_a_proxy()
        {
            var direct = new Recorder();
            using (var client = Client(direct))
            {
                await Submit(client);
            }

            var proxied = new Recorder();
            using (var client = Client(proxied, new WebProxy("http://proxy.invalid:3128")))
            {
                await Submit(client);
            }

            Assert.False(Assert.Single(direct.Requests).Headers.ExpectContinue);
            Assert.True(Assert.Single(proxied.Requests).Headers.ExpectContinue);
        }

        [Fact]
        public async Task A_300_is_a_redirect_not_an_answer_and_says_when_it_names_no_place()
        {
            var handler = new Recorder(() => new HttpResponseMessage((HttpStatusCode)300));
            using var client = Client(handler);

            var ex = await Assert.ThrowsAsync<LibratoApiException>(() => Submit(client));

            Assert.Equal(LibratoErrorKind.Redirected, ex.Kind);
            Assert.Equal(300, ex.StatusCode);
            Assert.Contains("a redirect to no Location, which is not followed", ex.Message);
        }

        [Fact]
        public async Task A_relative_redirect_is_named_without_its_query()
        {
            var handler = new Recorder(() =>
            {
                var response = new HttpResponseMessage(HttpStatusCode.Found);
                response.Headers.Location = new Uri("/v2/metrics?token=abc", UriKind.Relative);
                return response;
            });
            using var client = Client(handler);

            var ex = await Assert.ThrowsAsync<LibratoApiException>(() => Submit(client));

            Assert.Equal(302, ex.StatusCode);
            Assert.Contains("a redirect to '/v2/metrics', which is not followed", ex.Message);
            Assert.DoesNotContain("abc", ex.Message);
        }

        [Fact]
        public async Task The_last_2xx_is_an_answer_and_the_first_3xx_is_not()
        {
            var status = 299;
            var handler = new Recorder(() => new HttpResponseMessage((HttpStatusCode)status) { Content = new StringContent(string.Empty) });
            using var client = Client(handler);

            await Submit(client);
            status = 399;
            var ex = await Assert.ThrowsAsync<LibratoApiException>(() => Submit(client));
            Assert.Equal(LibratoErrorKind.Redirected, ex.Kind);
            status = 400;
            ex = await Assert.ThrowsAsync<LibratoApiException>(() => Submit(client));
            Assert.NotEqual(LibratoErrorKind.Redirected, ex.Kind);
        }

        [Fact]
        public void A_client_given_a_handler_leaves_it_to_its_owner()
        {
            var handler = new Recorder();
            Client(handler).Dispose();

            Assert.False(handler.Disposed);
            handler.Dispose();
            Assert.True(handler.Disposed);
        }
    }
}
