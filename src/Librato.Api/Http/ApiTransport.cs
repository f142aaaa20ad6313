using System;
using System.Diagnostics;
using System.Net.Http;
using System.Net.Http.Headers;
using System.Threading;
using System.Threading.Tasks;

namespace Librato.Api
{
    /// <summary>
    /// Sends requests: maps every failure to a <see cref="LibratoApiException"/>, retries the transient ones (5xx,
    /// rate limits, timeouts, broken connections) with bounded exponential backoff and jitter, honouring Retry-After
    /// and the rate-limit reset, re-sending the same body each time, and traces every attempt.
    /// </summary>
    internal sealed class ApiTransport : IDisposable
    {
        private static readonly Random Jitter = new Random();
        private readonly HttpClient http;
        private readonly Uri baseUri;
        private readonly LibratoCredentials credentials;
        private readonly LibratoClientOptions options;

        public ApiTransport(LibratoCredentials credentials, LibratoClientOptions options, HttpMessageHandler? handler)
        {
            this.credentials = credentials;
            this.options = options;
            baseUri = EndpointPath.BaseUri(options.Endpoint);
            http = handler == null ? new HttpClient(HandlerFactory.Create(options)) : new HttpClient(handler, disposeHandler: false);

            // Each attempt has its own deadline (see SendOnceAsync); retries must not share one overall timeout.
            http.Timeout = System.Threading.Timeout.InfiniteTimeSpan;
            http.DefaultRequestHeaders.UserAgent.ParseAdd(options.UserAgent);
            http.DefaultRequestHeaders.Accept.Add(new MediaTypeWithQualityHeaderValue("application/json"));
        }

        /// <summary>
        /// Sends, retrying as needed, then returns <paramref name="body"/>'s pooled buffers, unless an attempt ended
        /// without an answer (a timeout, a broken connection, a cancellation): the handler may then still be reading
        /// them, so they are left to the garbage collector instead.
        /// </summary>
        public async Task<ApiResponse> SendAsync(
            HttpMethod method, string path, RequestBody? body, IRequestTrace? trace, CancellationToken cancellationToken)
        {
            var answered = true;
            try
            {
                for (var attempt = 0; ; attempt++)
                {
                    try
                    {
                        return await SendOnceAsync(method, path, body, trace, cancellationToken).ConfigureAwait(false);
                    }
                    catch (LibratoApiException ex) when (IsTransient(ex) && attempt < options.MaxRetries)
                    {
                        answered &= ex.StatusCode.HasValue;
                        var delay = RetryDelay(ex, attempt);
                        trace?.Write(
                            $"Retrying {method} {new Uri(baseUri, path)} in {delay.TotalSeconds:0.###} s " +
                            $"(retry {attempt + 1} of {options.MaxRetries}) after {Describe(ex)}");
                        await Task.Delay(delay, cancellationToken).ConfigureAwait(false);
                    }
                }
            }
            catch (Exception ex) when (!(ex is LibratoApiException api && api.StatusCode.HasValue))
            {
                answered = false;
                throw;
            }
            finally
            {
                if (answered)
                {
                    body?.Dispose();
                }
            }
        }

        /// <summary>Turns an href from the API (absolute or rooted) into a path relative to the endpoint.</summary>
        public string RelativePath(string href)
        {
            var uri = new Uri(baseUri, href);
            var path = uri.PathAndQuery;
            var basePath = baseUri.AbsolutePath;
            return path.StartsWith(basePath, StringComparison.Ordinal) ? path.Substring(basePath.Length) : path.TrimStart('/');
        }

        public void Dispose() => http.Dispose();

        internal static bool IsTransient(LibratoApiException ex) =>
            ex.Kind == LibratoErrorKind.ServerError || ex.Kind == LibratoErrorKind.RateLimited ||
            ex.Kind == LibratoErrorKind.Timeout || ex.Kind == LibratoErrorKind.Connection;

        private async Task<ApiResponse> SendOnceAsync(
            HttpMethod method, string path, RequestBody? body, IRequestTrace? trace, CancellationToken cancellationToken)
        {
            var uri = new Uri(baseUri, path);
            var watch = Stopwatch.StartNew();
            using (var deadline = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken))
            using (var request = new HttpRequestMessage(method, uri))
            {
                deadline.CancelAfter(options.Timeout);
                request.Headers.Authorization = new AuthenticationHeaderValue("Basic", credentials.CreateAuthorizationParameter(options.Api));
                if (body != null)
                {
                    request.Content = body.Content(options.CompressRequests);
                }

                try
                {
                    using (var response = await http.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, deadline.Token).ConfigureAwait(false))
                    {
                        var bytes = await ReadBodyAsync(response, deadline.Token).ConfigureAwait(false);
                        var status = (int)response.StatusCode;
                        trace?.Write($"{method} {uri} -> {status} in {watch.ElapsedMilliseconds} ms");
                        if (status >= 200 && status < 300)
                        {
                            return new ApiResponse(response.StatusCode, bytes, response.Headers.Location?.OriginalString);
                        }

                        throw ErrorBody.ToException(method.Method, path, status, bytes, RetryHints.From(response));
                    }
                }
                catch (OperationCanceledException ex) when (!cancellationToken.IsCancellationRequested)
                {
                    trace?.Write($"{method} {uri} timed out after {watch.ElapsedMilliseconds} ms");
                    throw new LibratoApiException(LibratoErrorKind.Timeout, method.Method, path, null, Array.Empty<string>(), ex);
                }
                catch (HttpRequestException ex)
                {
                    trace?.Write($"{method} {uri} failed after {watch.ElapsedMilliseconds} ms: {ex.Message}");
                    throw new LibratoApiException(LibratoErrorKind.Connection, method.Method, path, null, Array.Empty<string>(), ex);
                }
                catch (System.IO.IOException ex)
                {
                    trace?.Write($"{method} {uri} broke after {watch.ElapsedMilliseconds} ms: {ex.Message}");
                    throw new LibratoApiException(LibratoErrorKind.Connection, method.Method, path, null, Array.Empty<string>(), ex);
                }
            }
        }

        private static async Task<byte[]> ReadBodyAsync(HttpResponseMessage response, CancellationToken cancellationToken)
        {
            using (var stream = await response.Content.ReadAsStreamAsync().ConfigureAwait(false))
            using (var copy = new System.IO.MemoryStream())
            {
                await stream.CopyToAsync(copy, 81920, cancellationToken).ConfigureAwait(false);
                return copy.ToArray();
            }
        }

        private TimeSpan RetryDelay(LibratoApiException ex, int attempt)
        {
            // Full jitter on an exponential curve spreads out clients that failed together.
            var ceiling = Math.Min(options.MaxRetryDelay.TotalMilliseconds, options.RetryBaseDelay.TotalMilliseconds * Math.Pow(2, attempt));
            double jittered;
            lock (Jitter)
            {
                jittered = (ceiling / 2) + (Jitter.NextDouble() * ceiling / 2);
            }

            var delay = TimeSpan.FromMilliseconds(jittered);
            if (ex.RetryAfter.HasValue && ex.RetryAfter.Value > delay)
            {
                // The server said when; wait that long, but never past the ceiling the caller set.
                delay = ex.RetryAfter.Value < options.MaxRetryDelay ? ex.RetryAfter.Value : options.MaxRetryDelay;
            }

            return delay;
        }

        private static string Describe(LibratoApiException ex) =>
            ex.StatusCode.HasValue ? ex.StatusCode.Value + (ex.RetryAfter.HasValue ? $" (retry after {ex.RetryAfter.Value.TotalSeconds:0.###} s)" : string.Empty)
            : ex.Kind == LibratoErrorKind.Timeout ? "a timeout"
            : "a connection failure";
    }
}
