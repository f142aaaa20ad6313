using System;
using System.Collections.Generic;
using System.Linq;
using System.Net;
using System.Net.Http;
using System.Security;
using System.Text;
using System.Text.Json;
using System.Threading;
using System.Threading.Tasks;
using Librato.Api;
using Xunit;

namespace Librato.Api.Tests
{
    public class AppOpticsClientTests
    {
        private const string Token = "ao-t0ken:with-colon";

        [Fact]
        public async Task AppOptics_sends_the_token_as_user_name_with_an_empty_password()
        {
            var handler = new RecordingHandler();
            using var client = AppOptics(handler);

            await client.ListMetricsAsync(null);

            var request = handler.Requests.Single();
            Assert.Equal("Basic", request.Scheme);
            Assert.Equal(Token + ":", Encoding.UTF8.GetString(Convert.FromBase64String(request.Parameter!)));
            Assert.Equal("https://api.appoptics.com/v1/metrics?offset=0&length=100", request.Uri);
        }

        [Fact]
        public async Task AppOptics_ignores_an_email_in_the_credentials()
        {
            var handler = new RecordingHandler();
            using var client = new LibratoClient(
                new LibratoCredentials("a@b.c", Token), new LibratoClientOptions { Api = MetricsApi.AppOptics }, handler);

            await client.ListMetricsAsync(null);

            Assert.Equal(Token + ":", Encoding.UTF8.GetString(Convert.FromBase64String(handler.Requests.Single().Parameter!)));
        }

        [Fact]
        public async Task Librato_still_sends_email_and_token()
        {
            var handler = new RecordingHandler();
            using var client = new LibratoClient(new LibratoCredentials("a@b.c", "t"), new LibratoClientOptions(), handler);

            await client.ListMetricsAsync(null);

            var request = handler.Requests.Single();
            Assert.Equal("a@b.c:t", Encoding.UTF8.GetString(Convert.FromBase64String(request.Parameter!)));
            Assert.StartsWith("https://metrics-api.librato.com/v1/metrics", request.Uri, StringComparison.Ordinal);
        }

        [Fact]
        public void Token_only_credentials_are_refused_for_Librato_and_never_show_the_token()
        {
            var credentials = new LibratoCredentials(Secure(Token));

            var ex = Assert.Throws<ArgumentException>(() => new LibratoClient(credentials, new LibratoClientOptions()));
            Assert.Contains("AppOptics", ex.Message, StringComparison.Ordinal);
            Assert.True(credentials.IsTokenOnly);
            Assert.Null(credentials.Email);
            Assert.DoesNotContain(Token, credentials.ToString(), StringComparison.Ordinal);
            Assert.Throws<ArgumentException>(() => new LibratoCredentials(new SecureString()));
        }

        [Theory]
        [InlineData("https://api.appoptics.com/v1/", "https://api.appoptics.com/v1/metrics")]
        [InlineData("https://api.appoptics.com/v1", "https://api.appoptics.com/v1/metrics")]
        [InlineData("https://api.appoptics.com", "https://api.appoptics.com/v1/metrics")]
        [InlineData("http://127.0.0.1:8700/prefix/", "http://127.0.0.1:8700/prefix/v1/metrics")]
        public async Task An_endpoint_written_with_its_version_is_not_doubled(string endpoint, string expected)
        {
            var handler = new RecordingHandler();
            using var client = new LibratoClient(
                new LibratoCredentials(Secure(Token)), new LibratoClientOptions { Api = MetricsApi.AppOptics, Endpoint = new Uri(endpoint) }, handler);

            await client.ListMetricsAsync(null);

            Assert.Equal(expected, handler.Requests.Single().Uri.Split('?')[0]);
        }

        [Fact]
        public void The_options_follow_the_service_unless_set()
        {
            var options = new LibratoClientOptions { Api = MetricsApi.AppOptics };
            Assert.Equal(new Uri("https://api.appoptics.com"), options.Endpoint);
            Assert.Same(MeasurementValidator.AppOptics, options.Validator);
            Assert.Equal(1000, options.MaxBatchSize);

            var librato = new LibratoClientOptions();
            Assert.Equal(LibratoClientOptions.DefaultEndpoint, librato.Endpoint);
            Assert.Same(MeasurementValidator.Default, librato.Validator);
            Assert.Null(librato.MaxBatchSize);

            var custom = new MeasurementValidator(TimeSpan.FromDays(1), TimeSpan.FromMinutes(1));
            options.Validator = custom;
            options.Endpoint = new Uri("http://localhost:1");
            Assert.Same(custom, options.Validator);
            Assert.Equal(new Uri("http://localhost:1"), options.Endpoint);
        }

        [Theory]
        [InlineData(1, 1)]
        [InlineData(1000, 1)]
        [InlineData(1001, 2)]
        [InlineData(2500, 3)]
        public async Task A_tagged_batch_is_sent_at_most_1000_measurements_a_request(int count, int requests)
        {
            var handler = new RecordingHandler();
            using var client = AppOptics(handler);

            var result = await client.SubmitTaggedAsync(Tagged(count));

            Assert.Equal(count, result.Accepted);
            Assert.Equal(requests, handler.Requests.Count);
            var sizes = handler.Requests.Select(r => JsonDocument.Parse(r.Body).RootElement.GetProperty("measurements").GetArrayLength()).ToList();
            Assert.All(sizes, size => Assert.InRange(size, 1, 1000));
            Assert.Equal(count, sizes.Sum());
            Assert.All(handler.Requests, r => Assert.EndsWith("/v1/measurements", r.Uri, StringComparison.Ordinal));
        }

        [Fact]
        public async Task Rejections_in_later_parts_keep_their_position_in_the_whole_batch()
        {
            var handler = new RecordingHandler
            {
                Answer = call => call == 1
                    ? """{"measurements":{"summary":{"total":1000,"accepted":999,"failed":1}},"errors":[{"index":5,"param":"value","reason":"bad"}]}"""
                    : "{\"errors\":[]}",
            };
            using var client = AppOptics(handler);

            var result = await client.SubmitTaggedAsync(Tagged(2500));

            Assert.Equal(2499, result.Accepted);
            Assert.Equal(1005, result.Rejected.Single().Index);
        }

        [Fact]
        public async Task Librato_sends_a_large_batch_as_it_is()
        {
            var handler = new RecordingHandler();
            using var client = new LibratoClient(new LibratoCredentials("a@b.c", "t"), new LibratoClientOptions(), handler);

            await client.SubmitTaggedAsync(Tagged(1500));

            Assert.Single(handler.Requests);
        }

        [Fact]
        public async Task AppOptics_refuses_legacy_batches_before_sending_anything()
        {
            var handler = new RecordingHandler();
            using var client = AppOptics(handler);
            var legacy = new[] { new Measurement("cpu", 1) { Source = "web-1" } };
            var untaggedAmongTagged = Tagged(3).Append(new Measurement("bare", 1)).ToList();

            await Assert.ThrowsAsync<InvalidOperationException>(() => client.SubmitLegacyAsync(legacy));
            await Assert.ThrowsAsync<InvalidOperationException>(() => client.SubmitAsync(legacy));
            var ex = await Assert.ThrowsAsync<ArgumentException>(() => client.SubmitTaggedAsync(untaggedAmongTagged));
            Assert.Contains("Measurement 3", ex.Message, StringComparison.Ordinal);
            Assert.Contains("'bare' has no tags", ex.Message, StringComparison.Ordinal);
            Assert.Empty(handler.Requests);
        }

        [Fact]
        public void The_AppOptics_rules_name_what_is_wrong_with_a_stable_code()
        {
            var now = EpochTime.Now();
            var tags = new Dictionary<string, string> { ["host"] = "a" };
            var validator = MeasurementValidator.AppOptics;

            Assert.Null(validator.Validate(new Measurement("ok", 1) { Tags = tags }, now));
            Assert.Equal(ValidationCodes.AppOpticsTagsRequired, validator.Validate(new Measurement("bare", 1), now)!.Code);
            Assert.Equal(ValidationCodes.AppOpticsNoSources, validator.Validate(new Measurement("s", 1) { Source = "web", Tags = tags }, now)!.Code);
            Assert.Equal(ValidationCodes.AppOpticsNoCounters, validator.Validate(new Measurement("c", 1) { Type = MetricType.Counter, Tags = tags }, now)!.Code);
            Assert.Equal(ValidationCodes.InvalidMetricName, validator.Validate(new Measurement("bad name", 1), now)!.Code);
            Assert.Equal(ValidationCodes.InvalidValue, validator.Validate(new Measurement("nan", double.NaN) { Tags = tags }, now)!.Code);
            Assert.Contains("as a tag instead (for example source=web)", validator.Validate(new Measurement("s", 1) { Source = "web" }, now)!.Message, StringComparison.Ordinal);

            // Librato's own rules are unchanged.
            Assert.Null(MeasurementValidator.Default.Validate(new Measurement("bare", 1), now));
            Assert.False(MeasurementValidator.Default.TaggedOnly);
        }

        private static LibratoClient AppOptics(RecordingHandler handler) =>
            new LibratoClient(new LibratoCredentials(Secure(Token)), new LibratoClientOptions { Api = MetricsApi.AppOptics, MaxRetries = 0 }, handler);

        private static List<Measurement> Tagged(int count) =>
            Enumerable.Range(0, count)
                .Select(i => new Measurement("m" + i, i) { Tags = new Dictionary<string, string> { ["host"] = "a" }, Time = EpochTime.Now() })
                .ToList();

        private static SecureString Secure(string value)
        {
            var secure = new SecureString();
            foreach (var c in value)
            {
                secure.AppendChar(c);
            }

            return secure;
        }

        private sealed class RecordingHandler : HttpMessageHandler
        {
            private readonly List<(string Uri, string? Scheme, string? Parameter, string Body)> requests = new List<(string, string?, string?, string)>();

            /// <summary>The body of the answer to a submission; by default the API's summary of nothing refused.</summary>
            public Func<int, string> Answer { get; set; } = _ => "{\"errors\":[]}";

            public IReadOnlyList<(string Uri, string? Scheme, string? Parameter, string Body)> Requests
            {
                get
                {
                    lock (requests)
                    {
                        return requests.ToArray();
                    }
                }
            }

            protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
            {
                var body = string.Empty;
                if (request.Content != null)
                {
                    var bytes = await request.Content.ReadAsByteArrayAsync(cancellationToken);
                    if (request.Content.Headers.ContentEncoding.Contains("gzip"))
                    {
                        using var gzip = new System.IO.Compression.GZipStream(new System.IO.MemoryStream(bytes), System.IO.Compression.CompressionMode.Decompress);
                        using var reader = new System.IO.StreamReader(gzip, Encoding.UTF8);
                        body = await reader.ReadToEndAsync(cancellationToken);
                    }
                    else
                    {
                        body = Encoding.UTF8.GetString(bytes);
                    }
                }

                int call;
                lock (requests)
                {
                    call = requests.Count;
                    requests.Add((request.RequestUri!.ToString(), request.Headers.Authorization?.Scheme, request.Headers.Authorization?.Parameter, body));
                }

                var status = request.Method == HttpMethod.Post ? HttpStatusCode.Accepted : HttpStatusCode.OK;
                var answer = request.Method == HttpMethod.Get ? """{"query":{"found":0,"length":0,"offset":0,"total":0},"metrics":[]}""" : Answer(call);
                return new HttpResponseMessage(status) { Content = new StringContent(answer, Encoding.UTF8, "application/json") };
            }
        }
    }
}
