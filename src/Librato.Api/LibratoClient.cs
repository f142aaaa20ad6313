using System;
using System.Collections.Generic;
using System.Globalization;
using System.Net.Http;
using System.Net.Http.Headers;
using System.Threading;
using System.Threading.Tasks;

namespace Librato.Api
{
    /// <summary>
    /// The Librato Metrics API v1 over one kept-alive HTTP connection pool. Safe to share between threads.
    /// Metrics and measurements are here; each other resource family has its own part of this class.
    /// </summary>
    public sealed partial class LibratoClient : IDisposable
    {
        /// <summary>The API's page size ceiling.</summary>
        public const int MaxPageLength = 100;

        private readonly ApiTransport transport;

        public LibratoClient(LibratoCredentials credentials, LibratoClientOptions? options = null, HttpMessageHandler? handler = null)
        {
            Credentials = credentials ?? throw new ArgumentNullException(nameof(credentials));
            Options = options ?? new LibratoClientOptions();
            RequireUsableCredentials(credentials, Options);
            transport = new ApiTransport(credentials, Options, handler);
        }

        public LibratoCredentials Credentials { get; }

        public LibratoClientOptions Options { get; }

        /// <summary>Sends a batch of measurements without tags to <c>POST /v1/metrics</c>.</summary>
        public async Task SubmitLegacyAsync(IReadOnlyList<Measurement> batch, IRequestTrace? trace = null, CancellationToken cancellationToken = default)
        {
            await SubmitLegacyAsync(batch, trace, null, cancellationToken).ConfigureAwait(false);
        }

        internal Task SubmitLegacyAsync(IReadOnlyList<Measurement> batch, IRequestTrace? trace, RequestPolicy? policy, CancellationToken cancellationToken)
        {
            RequireBatch(batch);
            RefuseLegacySubmission();
            return transport.SendAsync(
                HttpMethod.Post, "v1/metrics", new RequestBody(BatchWriter.Legacy(batch)), trace, cancellationToken, WithCheck(policy, SubmitAnswer.CheckLegacy));
        }

        /// <summary>
        /// Sends a batch of tagged measurements to <c>POST /v1/measurements</c>. The API may accept part of a batch;
        /// the result lists what it refused, by position in <paramref name="batch"/>.
        /// </summary>
        public Task<SubmitResult> SubmitTaggedAsync(IReadOnlyList<Measurement> batch, IRequestTrace? trace = null, CancellationToken cancellationToken = default) =>
            SubmitTaggedAsync(batch, trace, null, cancellationToken);

        internal async Task<SubmitResult> SubmitTaggedAsync(
            IReadOnlyList<Measurement> batch, IRequestTrace? trace, RequestPolicy? policy, CancellationToken cancellationToken)
        {
            RequireBatch(batch);
            if (await SubmitWithinLimitsAsync(batch, trace, policy, cancellationToken).ConfigureAwait(false) is SubmitResult parts)
            {
                return parts;
            }

            var response = await transport.SendAsync(
                HttpMethod.Post, "v1/measurements", new RequestBody(BatchWriter.Tagged(batch)), trace, cancellationToken,
                WithCheck(policy, answer => SubmitAnswer.CheckTagged(answer, batch.Count))).ConfigureAwait(false);
            return SubmitResultJson.Read(response.Body, batch.Count);
        }

        /// <summary>Sends a homogeneous batch to the route its measurements belong to.</summary>
        public Task<SubmitResult> SubmitAsync(IReadOnlyList<Measurement> batch, IRequestTrace? trace = null, CancellationToken cancellationToken = default) =>
            SubmitAsync(batch, trace, null, cancellationToken);

        internal async Task<SubmitResult> SubmitAsync(
            IReadOnlyList<Measurement> batch, IRequestTrace? trace, RequestPolicy? policy, CancellationToken cancellationToken)
        {
            RequireBatch(batch);
            if (batch[0].IsTagged)
            {
                return await SubmitTaggedAsync(batch, trace, policy, cancellationToken).ConfigureAwait(false);
            }

            await SubmitLegacyAsync(batch, trace, policy, cancellationToken).ConfigureAwait(false);
            return SubmitResult.AllAccepted(batch.Count);
        }

        private static RequestPolicy WithCheck(RequestPolicy? policy, Func<ApiResponse, string?> check) =>
            new RequestPolicy { MaxRetries = policy?.MaxRetries, Deadline = policy?.Deadline, CheckAnswer = check };

        /// <summary>One page of <c>GET /v1/metrics</c>; <paramref name="nameFilter"/> is the API's case-insensitive substring search.</summary>
        public async Task<Page<LibratoMetric>> ListMetricsAsync(
            string? nameFilter, int offset = 0, int length = MaxPageLength, IRequestTrace? trace = null, CancellationToken cancellationToken = default)
        {
            var query = new QueryString().Add("name", nameFilter).Add("offset", offset).Add("length", length);
            var response = await transport.SendAsync(HttpMethod.Get, "v1/metrics" + query, null, trace, cancellationToken).ConfigureAwait(false);
            return Read("GET", "v1/metrics", () => MetricJson.ReadMetricPage(response.Body));
        }

        /// <summary>One page of <c>GET /v1/sources</c>: legacy source names; <paramref name="nameFilter"/> keeps those containing it, ignoring case.</summary>
        public async Task<Page<string>> ListSourcesAsync(
            string? nameFilter, int offset = 0, int length = MaxPageLength, IRequestTrace? trace = null, CancellationToken cancellationToken = default)
        {
            var query = new QueryString().Add("name", nameFilter).Add("offset", offset).Add("length", length);
            var response = await transport.SendAsync(HttpMethod.Get, "v1/sources" + query, null, trace, cancellationToken).ConfigureAwait(false);
            return Read("GET", "v1/sources", () => SourceJson.ReadPage(response.Body));
        }

        /// <summary>
        /// One cheap authenticated request, tried once (<c>GET /v1/metrics?length=1</c>, which every token role may
        /// read): returns when the API takes the credentials, throws <see cref="LibratoApiException"/> otherwise.
        /// </summary>
        public async Task CheckCredentialsAsync(IRequestTrace? trace = null, CancellationToken cancellationToken = default)
        {
            var query = new QueryString().Add("offset", 0).Add("length", 1);
            var response = await transport.SendAsync(
                HttpMethod.Get, "v1/metrics" + query, null, trace, cancellationToken, new RequestPolicy { MaxRetries = 0 }).ConfigureAwait(false);

            // A proxy's or a portal's page answers 200 too: only the API's own answer counts.
            Read("GET", "v1/metrics", () => MetricJson.ReadMetricPage(response.Body));
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
            var path = MetricPath(name);
            var response = await transport.SendAsync(HttpMethod.Get, path + qs, null, trace, cancellationToken).ConfigureAwait(false);
            return Read("GET", path, () => MetricJson.ReadLegacy(response.Body));
        }

        /// <summary>
        /// <c>PUT /v1/metrics/:name</c>: creates the metric (the API answers with it) or updates it (null).
        /// </summary>
        public async Task<LibratoMetric?> PutMetricAsync(
            string name, MetricUpdate update, IRequestTrace? trace = null, CancellationToken cancellationToken = default)
        {
            var path = MetricPath(name);
            var body = JsonWriting.Object(update.WriteProperties);
            var response = await transport.SendAsync(HttpMethod.Put, path, new RequestBody(body), trace, cancellationToken).ConfigureAwait(false);
            return response.Body.Length == 0 ? null : Read("PUT", path, () => MetricJson.ReadLegacy(response.Body).Metric);
        }

        /// <summary>
        /// <c>PUT /v1/metrics</c>: sets properties and attributes on many metrics at once. When the API queues a job
        /// for a large set, waits for it and returns its final status.
        /// </summary>
        public async Task<JobStatus?> UpdateMetricsAsync(
            MetricSelection selection, MetricUpdate update, IRequestTrace? trace = null, CancellationToken cancellationToken = default)
        {
            var body = JsonWriting.Object(w =>
            {
                WriteSelection(w, selection);
                update.WriteProperties(w);
            });
            var response = await transport.SendAsync(HttpMethod.Put, "v1/metrics", new RequestBody(body), trace, cancellationToken).ConfigureAwait(false);
            return await FollowJobAsync(response, trace, cancellationToken).ConfigureAwait(false);
        }

        /// <summary><c>DELETE /v1/metrics/:name</c>: the metric and all its data.</summary>
        public async Task DeleteMetricAsync(string name, IRequestTrace? trace = null, CancellationToken cancellationToken = default) =>
            await transport.SendAsync(HttpMethod.Delete, MetricPath(name), null, trace, cancellationToken).ConfigureAwait(false);

        /// <summary><c>DELETE /v1/metrics</c> by names or pattern; waits for the job the API may queue.</summary>
        public async Task<JobStatus?> DeleteMetricsAsync(
            MetricSelection selection, IRequestTrace? trace = null, CancellationToken cancellationToken = default)
        {
            var body = JsonWriting.Object(w => WriteSelection(w, selection));
            var response = await transport.SendAsync(HttpMethod.Delete, "v1/metrics", new RequestBody(body), trace, cancellationToken).ConfigureAwait(false);
            return await FollowJobAsync(response, trace, cancellationToken).ConfigureAwait(false);
        }

        /// <summary><c>GET /v1/jobs/:id</c>.</summary>
        public async Task<JobStatus> GetJobAsync(string location, IRequestTrace? trace = null, CancellationToken cancellationToken = default)
        {
            var path = transport.RelativePath(location);
            var response = await transport.SendAsync(HttpMethod.Get, path, null, trace, cancellationToken).ConfigureAwait(false);
            return Read("GET", path, () => JobJson.Read(response.Body));
        }

        /// <summary>
        /// <c>GET /v1/measurements/:name</c>: one answer of a tagged read. Pass <see cref="SeriesRead.Next"/> as
        /// <paramref name="next"/> to read the following one.
        /// </summary>
        public async Task<SeriesRead> ReadMeasurementsAsync(
            string name, TaggedReadQuery query, string? next = null, IRequestTrace? trace = null, CancellationToken cancellationToken = default)
        {
            string path;
            if (next != null)
            {
                path = transport.RelativePath(next);
            }
            else
            {
                var qs = new QueryString();
                query.AppendTo(qs);
                path = "v1/measurements/" + Uri.EscapeDataString(name) + qs;
            }

            var response = await transport.SendAsync(HttpMethod.Get, path, null, trace, cancellationToken).ConfigureAwait(false);
            return Read("GET", path, () => SeriesJson.ReadTagged(response.Body, name));
        }

        /// <summary>
        /// Evaluates a composite expression: <c>GET /v1/metrics?compose=</c> (sources) or, when <paramref name="tagged"/>,
        /// <c>GET /v1/measurements?compose=</c> (tags).
        /// </summary>
        public async Task<SeriesRead> ComposeAsync(
            string compose, TaggedReadQuery query, bool tagged, IRequestTrace? trace = null, CancellationToken cancellationToken = default)
        {
            var qs = new QueryString().Add("compose", compose);
            qs.Add("resolution", query.Resolution).Add("start_time", query.StartTime).Add("end_time", query.EndTime).Add("duration", query.Duration);
            var path = (tagged ? "v1/measurements" : "v1/metrics") + qs;
            var response = await transport.SendAsync(HttpMethod.Get, path, null, trace, cancellationToken).ConfigureAwait(false);
            return Read("GET", path, () => tagged ? SeriesJson.ReadTagged(response.Body, string.Empty) : SeriesJson.ReadLegacyComposite(response.Body));
        }

        public void Dispose() => transport.Dispose();

        private async Task<JobStatus?> FollowJobAsync(ApiResponse response, IRequestTrace? trace, CancellationToken cancellationToken)
        {
            if (response.Status != System.Net.HttpStatusCode.Accepted || response.Location == null)
            {
                return null;
            }

            var delay = TimeSpan.FromMilliseconds(100);
            while (true)
            {
                var job = await GetJobAsync(response.Location, trace, cancellationToken).ConfigureAwait(false);
                if (job.IsFinished)
                {
                    if (job.State != "complete")
                    {
                        throw new LibratoApiException(
                            LibratoErrorKind.ServerError, "GET", response.Location, 200,
                            new[] { $"job {job.Id} ended {job.State}" + (job.Errors == null ? string.Empty : ": " + job.Errors) });
                    }

                    return job;
                }

                await Options.TimeProvider.Delay(delay, cancellationToken).ConfigureAwait(false);
                delay = TimeSpan.FromMilliseconds(Math.Min(delay.TotalMilliseconds * 2, 2000));
            }
        }

        private static void WriteSelection(System.Text.Json.Utf8JsonWriter w, MetricSelection selection)
        {
            if (selection.Pattern != null)
            {
                w.WriteString("names", selection.Pattern);
            }
            else
            {
                w.WriteStartArray("names");
                foreach (var name in selection.Names)
                {
                    w.WriteStringValue(name);
                }

                w.WriteEndArray();
            }

            if (selection.Exclude.Count > 0)
            {
                w.WriteStartArray("exclude");
                foreach (var name in selection.Exclude)
                {
                    w.WriteStringValue(name);
                }

                w.WriteEndArray();
            }
        }

        /// <summary>The trailing id of a Location such as <c>/v1/alerts/123</c>.</summary>
        private static long IdFromLocation(string location)
        {
            var path = location.Split('?')[0].TrimEnd('/');
            var last = path.Substring(path.LastIndexOf('/') + 1);
            if (!long.TryParse(last, NumberStyles.None, CultureInfo.InvariantCulture, out var id))
            {
                throw new LibratoApiException(LibratoErrorKind.MalformedResponse, "POST", location, 201, new[] { "the Location header does not end with an id" });
            }

            return id;
        }

        private static string MetricPath(string name) => "v1/metrics/" + Uri.EscapeDataString(name);

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

        private static void RequireBatch(IReadOnlyList<Measurement> batch)
        {
            if (batch == null || batch.Count == 0)
            {
                throw new ArgumentException("A batch needs at least one measurement.", nameof(batch));
            }
        }
    }
}
