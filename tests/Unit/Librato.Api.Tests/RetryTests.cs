using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Linq;
using System.Net;
using System.Net.Http.Headers;
using System.Threading;
using System.Threading.Tasks;
using Librato.Api;
using Xunit;

namespace Librato.Api.Tests
{
    public class RetryTests
    {
        [Theory]
        [InlineData(HttpStatusCode.InternalServerError)]
        [InlineData(HttpStatusCode.BadGateway)]
        [InlineData(HttpStatusCode.ServiceUnavailable)]
        [InlineData((HttpStatusCode)429)]
        public async Task Transient_statuses_are_retried_with_the_same_body(HttpStatusCode failure)
        {
            var handler = new ScriptedHandler((call, _) => call < 2 ? failure : HttpStatusCode.OK);
            var trace = new ListTrace();
            using var client = ScriptedHandler.Client(handler, maxRetries: 3);
            var batch = new[] { new Measurement("m", 1) { Time = 1700000000 }, new Measurement("n", 2) { Time = 1700000000 } };
            await client.SubmitLegacyAsync(batch, trace);
            Assert.Equal(3, handler.Requests.Count);
            Assert.Single(handler.Requests.Select(r => r.Body).Distinct());
            Assert.Equal(2, trace.Lines.Count(l => l.StartsWith("Retrying POST", StringComparison.Ordinal)));
        }

        [Theory]
        [InlineData(HttpStatusCode.BadRequest)]
        [InlineData(HttpStatusCode.Unauthorized)]
        [InlineData(HttpStatusCode.Forbidden)]
        [InlineData(HttpStatusCode.NotFound)]
        [InlineData(HttpStatusCode.UnsupportedMediaType)]
        [InlineData((HttpStatusCode)422)]
        public async Task Other_client_errors_are_never_retried(HttpStatusCode failure)
        {
            var handler = new ScriptedHandler((_, _) => failure);
            using var client = ScriptedHandler.Client(handler, maxRetries: 3);
            await Assert.ThrowsAsync<LibratoApiException>(() => client.SubmitLegacyAsync(new[] { new Measurement("m", 1) }));
            Assert.Single(handler.Requests);
        }

        [Fact]
        public async Task Retries_are_bounded()
        {
            var handler = new ScriptedHandler((_, _) => HttpStatusCode.ServiceUnavailable);
            using var client = ScriptedHandler.Client(handler, maxRetries: 2);
            var ex = await Assert.ThrowsAsync<LibratoApiException>(() => client.ListMetricsAsync(null));
            Assert.Equal(LibratoErrorKind.ServerError, ex.Kind);
            Assert.True(ex.IsTransient);
            Assert.Equal(3, handler.Requests.Count);
        }

        [Fact]
        public async Task Retry_after_is_honoured()
        {
            var handler = new ScriptedHandler((call, _) => call == 0 ? (HttpStatusCode)429 : HttpStatusCode.OK)
            {
                Decorate = (call, response) =>
                {
                    if (call == 0)
                    {
                        response.Headers.RetryAfter = new RetryConditionHeaderValue(TimeSpan.FromSeconds(1));
                    }
                },
            };
            var trace = new ListTrace();
            using var client = ScriptedHandler.Client(handler, maxRetries: 1);
            var watch = Stopwatch.StartNew();
            await client.SubmitLegacyAsync(new[] { new Measurement("m", 1) }, trace);
            Assert.True(watch.Elapsed >= TimeSpan.FromSeconds(0.9), watch.Elapsed.ToString());
            Assert.Contains(trace.Lines, l => l.Contains("retry after 1 s"));
        }

        [Fact]
        public void An_exhausted_rate_limit_waits_for_its_reset()
        {
            const long now = 1_800_000_000;
            var wait = RetryHints.FromRateLimit(new[] { $"limit=100,remaining=0,reset={now + 3}" }, now);
            Assert.Equal(TimeSpan.FromSeconds(3), wait);
            Assert.Equal(TimeSpan.Zero, RetryHints.FromRateLimit(new[] { $"limit=100,remaining=0,reset={now - 3}" }, now));
            Assert.Null(RetryHints.FromRateLimit(new[] { $"limit=100,remaining=5,reset={now + 3}" }, now));
            Assert.Null(RetryHints.FromRateLimit(new[] { "remaining=101" }, now));
            Assert.Null(RetryHints.FromRateLimit(new[] { "remaining=0" }, now));
        }

        [Fact]
        public async Task Waiting_ends_promptly_when_cancelled()
        {
            var handler = new ScriptedHandler((_, _) => HttpStatusCode.ServiceUnavailable)
            {
                Decorate = (_, response) => response.Headers.RetryAfter = new RetryConditionHeaderValue(TimeSpan.FromSeconds(30)),
            };
            using var client = new LibratoClient(
                new LibratoCredentials("a@b.c", "t"),
                new LibratoClientOptions { Endpoint = new Uri("https://api.invalid"), MaxRetryDelay = TimeSpan.FromMinutes(1) },
                handler);
            using var cts = new CancellationTokenSource(TimeSpan.FromMilliseconds(300));
            var watch = Stopwatch.StartNew();
            await Assert.ThrowsAnyAsync<OperationCanceledException>(() => client.ListMetricsAsync(null, cancellationToken: cts.Token));
            Assert.True(watch.Elapsed < TimeSpan.FromSeconds(5));
        }

        [Fact]
        public async Task Large_bodies_are_sent_gzipped_unless_turned_off()
        {
            var batch = Enumerable.Range(0, 1000).Select(i => new Measurement("api.latency", i)
            {
                Time = 1700000000,
                Tags = new Dictionary<string, string> { ["region"] = "us-east-1", ["host"] = "web-" + (i % 20) },
            }).ToList();
            var handler = new ScriptedHandler((_, _) => HttpStatusCode.Accepted);
            using (var client = ScriptedHandler.Client(handler))
            {
                await client.SubmitTaggedAsync(batch);
            }

            var plain = BatchWriter.Tagged(batch).ToArray();
            Assert.True(handler.Requests[0].Gzipped);
            Assert.Equal(System.Text.Encoding.UTF8.GetString(plain), handler.Requests[0].Body);
            var compressed = handler.WireLengths[0];
            Assert.True(plain.Length >= 5 * compressed, $"{plain.Length} vs {compressed}");

            var uncompressed = new ScriptedHandler((_, _) => HttpStatusCode.Accepted);
            using var off = new LibratoClient(
                new LibratoCredentials("a@b.c", "t"),
                new LibratoClientOptions { Endpoint = new Uri("https://api.invalid"), CompressRequests = false },
                uncompressed);
            await off.SubmitTaggedAsync(batch);
            Assert.False(uncompressed.Requests[0].Gzipped);
            Assert.Equal(plain.Length, uncompressed.WireLengths[0]);
            Assert.Equal(handler.Requests[0].Body, uncompressed.Requests[0].Body);
        }
    }
}
