using System;
using System.Collections.Generic;
using System.Net.Http;
using System.Net.Http.Headers;
using System.Threading;
using System.Threading.Tasks;

namespace Librato.Api
{
    /// <summary>
    /// The Librato Metrics API v1 over one kept-alive HTTP connection pool. Safe to share between threads.
    /// </summary>
    public sealed class LibratoClient : IDisposable
    {
        /// <summary>The API's page size ceiling.</summary>
        public const int MaxPageLength = 100;

        private static readonly MediaTypeHeaderValue Json = new MediaTypeHeaderValue("application/json");

        private readonly ApiTransport transport;

        public LibratoClient(LibratoCredentials credentials, LibratoClientOptions? options = null, HttpMessageHandler? handler = null)
        {
            Credentials = credentials ?? throw new ArgumentNullException(nameof(credentials));
            Options = options ?? new LibratoClientOptions();
            transport = new ApiTransport(credentials, Options, handler);
        }

        public LibratoCredentials Credentials { get; }

        public LibratoClientOptions Options { get; }

        /// <summary>Sends a batch of measurements without tags to <c>POST /v1/metrics</c>.</summary>
        public async Task SubmitLegacyAsync(IReadOnlyList<Measurement> batch, IRequestTrace? trace = null, CancellationToken cancellationToken = default)
        {
            RequireBatch(batch);
            await transport.SendAsync(HttpMethod.Post, "v1/metrics", JsonContent(BatchWriter.Legacy(batch)), trace, cancellationToken).ConfigureAwait(false);
        }

        /// <summary>
        /// Sends a batch of tagged measurements to <c>POST /v1/measurements</c>. The API may accept part of a batch;
        /// the result lists what it refused, by position in <paramref name="batch"/>.
        /// </summary>
        public async Task<SubmitResult> SubmitTaggedAsync(IReadOnlyList<Measurement> batch, IRequestTrace? trace = null, CancellationToken cancellationToken = default)
        {
            RequireBatch(batch);
            var response = await transport.SendAsync(HttpMethod.Post, "v1/measurements", JsonContent(BatchWriter.Tagged(batch)), trace, cancellationToken).ConfigureAwait(false);
            return SubmitResultJson.Read(response.Body, batch.Count);
        }

        /// <summary>Sends a homogeneous batch to the route its measurements belong to.</summary>
        public async Task<SubmitResult> SubmitAsync(IReadOnlyList<Measurement> batch, IRequestTrace? trace = null, CancellationToken cancellationToken = default)
        {
            RequireBatch(batch);
            if (batch[0].IsTagged)
            {
                return await SubmitTaggedAsync(batch, trace, cancellationToken).ConfigureAwait(false);
            }

            await SubmitLegacyAsync(batch, trace, cancellationToken).ConfigureAwait(false);
            return SubmitResult.AllAccepted(batch.Count);
        }

        /// <summary>One page of <c>GET /v1/metrics</c>; <paramref name="nameFilter"/> is the API's case-insensitive substring search.</summary>
        public async Task<Page<LibratoMetric>> ListMetricsAsync(
            string? nameFilter, int offset = 0, int length = MaxPageLength, IRequestTrace? trace = null, CancellationToken cancellationToken = default)
        {
            var query = new QueryString().Add("name", nameFilter).Add("offset", offset).Add("length", length);
            var response = await transport.SendAsync(HttpMethod.Get, "v1/metrics" + query, null, trace, cancellationToken).ConfigureAwait(false);
            return Read("GET", "v1/metrics", () => MetricJson.ReadMetricPage(response.Body));
        }

        /// <summary>
        /// <c>GET /v1/metrics/:name</c>: the metric, and with a query one answer's worth of its measurements.
        /// A truncated answer sets <see cref="LegacyRead.NextTime"/>.
        /// </summary>
        public async Task<LegacyRead> GetMetricAsync(
            string name, MetricReadQuery? query = null, IRequestTrace? trace = null, CancellationToken cancellationToken = default)
        {
            var qs = new QueryString();
            query?.AppendTo(qs);
            var path = "v1/metrics/" + Uri.EscapeDataString(name);
            var response = await transport.SendAsync(HttpMethod.Get, path + qs, null, trace, cancellationToken).ConfigureAwait(false);
            return Read("GET", path, () => MetricJson.ReadLegacy(response.Body));
        }

        public void Dispose() => transport.Dispose();

        private static T Read<T>(string method, string path, Func<T> read)
        {
            try
            {
                return read();
            }
            catch (MalformedBodyException ex)
            {
                throw new LibratoApiException(LibratoErrorKind.MalformedResponse, method, path, 200, new[] { ex.Message }, ex);
            }
        }

        private static ByteArrayContent JsonContent(byte[] body)
        {
            var content = new ByteArrayContent(body);
            content.Headers.ContentType = Json;
            return content;
        }

        private static void RequireBatch(IReadOnlyList<Measurement> batch)
        {
            if (batch == null || batch.Count == 0)
            {
                throw new ArgumentException("A batch needs at least one measurement.", nameof(batch));
            }
        }
    }
}
