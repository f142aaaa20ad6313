using System;
using System.Collections.Generic;
using System.Linq;
using System.Net;
using System.Net.Http;
using System.Net.Sockets;
using System.Text;
using System.Threading;
using System.Threading.Tasks;
using Librato.Api;
using Xunit;

namespace Librato.Api.Tests
{
    public class LibratoClientTests : IClassFixture<EmulatorFixture>
    {
        private readonly EmulatorFixture emulator;

        public LibratoClientTests(EmulatorFixture emulator)
        {
            this.emulator = emulator;
        }

        private static string Unique(string prefix) => prefix + "." + Guid.NewGuid().ToString("N").Substring(0, 12);

        [Fact]
        public async Task Legacy_measurements_come_back_by_source()
        {
            using var client = emulator.CreateClient();
            var name = Unique("client.legacy");
            var now = EpochTime.Now();
            await client.SubmitLegacyAsync(new[]
            {
                new Measurement(name, 1) { Source = "a", Time = now - 2 },
                new Measurement(name, 2) { Source = "b", Time = now - 1 },
                new Measurement(name, 3) { Time = now - 1 },
            });

            var read = await client.GetMetricAsync(name, new MetricReadQuery { StartTime = now - 60, Resolution = 1 });
            Assert.Null(read.NextTime);
            Assert.Equal(name, read.Metric.Name);
            Assert.Equal("gauge", read.Metric.Type);
            Assert.Equal(3, read.Metric.Measurements.Count);
            var a = read.Metric.Measurements.Single(m => m.Source == "a");
            Assert.Equal(1, a.Value);
            Assert.Equal(EpochTime.ToDateTime(now - 2), a.Time);
            Assert.Equal(3, read.Metric.Measurements.Single(m => m.Source == "unassigned").Value);
        }

        [Fact]
        public async Task Tagged_measurements_are_accepted_and_a_refused_one_is_named_by_position()
        {
            using var client = emulator.CreateClient();
            var name = Unique("client.tagged");
            var tags = new Dictionary<string, string> { ["region"] = "us-east" };
            var result = await client.SubmitTaggedAsync(new[]
            {
                new Measurement(name, 1) { Tags = tags },
                new Measurement("bad name", 2) { Tags = tags },
                new Measurement(name, 3) { Tags = tags, Time = EpochTime.Now() - 5 },
            });

            Assert.Equal(2, result.Accepted);
            var rejected = Assert.Single(result.Rejected);
            Assert.Equal(1, rejected.Index);
            Assert.False(string.IsNullOrEmpty(rejected.Reason));
        }

        [Fact]
        public async Task Metric_pages_carry_the_envelope_counts()
        {
            using var client = emulator.CreateClient();
            var prefix = Unique("client.page");
            var batch = Enumerable.Range(0, 150).Select(i => new Measurement(prefix + ".m" + i.ToString("000"), i)).ToList();
            await client.SubmitLegacyAsync(batch.Take(75).ToList());
            await client.SubmitLegacyAsync(batch.Skip(75).ToList());

            var first = await client.ListMetricsAsync(prefix);
            Assert.Equal(100, first.Items.Count);
            Assert.Equal(150, first.Found);
            Assert.True(first.HasMore);
            var second = await client.ListMetricsAsync(prefix, first.NextOffset);
            Assert.Equal(50, second.Items.Count);
            Assert.False(second.HasMore);
            Assert.Equal(150, first.Items.Concat(second.Items).Select(m => m.Name).Distinct().Count());
        }

        [Fact]
        public async Task Unknown_metric_is_not_found()
        {
            using var client = emulator.CreateClient();
            var ex = await Assert.ThrowsAsync<LibratoApiException>(() => client.GetMetricAsync(Unique("client.missing")));
            Assert.Equal(LibratoErrorKind.NotFound, ex.Kind);
            Assert.Equal(404, ex.StatusCode);
        }

        [Fact]
        public async Task Wrong_token_is_unauthorized_and_never_echoed()
        {
            const string secret = "wrong-token-5f2c9d";
            var trace = new ListTrace();
            using var client = emulator.CreateClient(secret);
            var ex = await Assert.ThrowsAsync<LibratoApiException>(() => client.ListMetricsAsync(null, trace: trace));
            Assert.Equal(LibratoErrorKind.Unauthorized, ex.Kind);
            Assert.DoesNotContain(secret, ex.ToString());
            Assert.DoesNotContain(secret, string.Join("\n", trace.Lines));
            Assert.DoesNotContain(Convert.ToBase64String(Encoding.UTF8.GetBytes(EmulatorFixture.Email + ":" + secret)), ex.ToString());
            Assert.DoesNotContain(secret, client.Credentials.ToString());
        }

        [Fact]
        public async Task Each_request_is_traced_with_method_url_and_status()
        {
            var trace = new ListTrace();
            using var client = emulator.CreateClient();
            await client.ListMetricsAsync("x", trace: trace);
            var line = Assert.Single(trace.Lines);
            Assert.StartsWith("GET " + emulator.BaseAddress, line);
            Assert.Contains("-> 200", line);
        }

        [Fact]
        public async Task A_server_that_never_answers_times_out()
        {
            var listener = new TcpListener(IPAddress.Loopback, 0);
            listener.Start();
            try
            {
                var port = ((IPEndPoint)listener.LocalEndpoint).Port;
                using var client = new LibratoClient(
                    new LibratoCredentials("a@b.c", "t"),
                    new LibratoClientOptions { Endpoint = new Uri($"http://127.0.0.1:{port}"), Timeout = TimeSpan.FromMilliseconds(500), MaxRetries = 0 });
                var ex = await Assert.ThrowsAsync<LibratoApiException>(() => client.ListMetricsAsync(null));
                Assert.Equal(LibratoErrorKind.Timeout, ex.Kind);
                Assert.Null(ex.StatusCode);
            }
            finally
            {
                listener.Stop();
            }
        }

        [Fact]
        public async Task A_closed_port_is_a_connection_failure()
        {
            var listener = new TcpListener(IPAddress.Loopback, 0);
            listener.Start();
            var port = ((IPEndPoint)listener.LocalEndpoint).Port;
            listener.Stop();
            using var client = new LibratoClient(
                new LibratoCredentials("a@b.c", "t"),
                new LibratoClientOptions { Endpoint = new Uri($"http://127.0.0.1:{port}"), MaxRetries = 0 });
            var ex = await Assert.ThrowsAsync<LibratoApiException>(() => client.ListMetricsAsync(null));
            Assert.Equal(LibratoErrorKind.Connection, ex.Kind);
        }

        [Fact]
        public async Task A_200_that_is_not_json_is_a_malformed_response()
        {
            using var client = new LibratoClient(
                new LibratoCredentials("a@b.c", "t"),
                new LibratoClientOptions { Endpoint = new Uri("https://api.invalid"), MaxRetries = 0 },
                new FixedHandler(HttpStatusCode.OK, "<html>maintenance</html>"));
            var ex = await Assert.ThrowsAsync<LibratoApiException>(() => client.ListMetricsAsync(null));
            Assert.Equal(LibratoErrorKind.MalformedResponse, ex.Kind);
        }

        [Fact]
        public async Task An_empty_batch_is_refused_before_sending()
        {
            using var client = emulator.CreateClient();
            await Assert.ThrowsAsync<ArgumentException>(() => client.SubmitLegacyAsync(Array.Empty<Measurement>()));
        }

        private sealed class FixedHandler : HttpMessageHandler
        {
            private readonly HttpStatusCode status;
            private readonly string body;

            public FixedHandler(HttpStatusCode status, string body)
            {
                this.status = status;
                this.body = body;
            }

            protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken) =>
                Task.FromResult(new HttpResponseMessage(status) { Content = new StringContent(body, Encoding.UTF8, "text/html") });
        }
    }
}
