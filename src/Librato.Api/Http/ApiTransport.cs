using System;
using System.Net.Http;
using System.Net.Http.Headers;
using System.Reflection;
using System.Security.Authentication;
using System.Threading;
using System.Threading.Tasks;

namespace Librato.Api
{
    /// <summary>
    /// Sends requests: maps every failure to a <see cref="LibratoApiException"/>, retries the transient ones (5xx,
    /// rate limits, timeouts, broken connections, answers that are not the API's) with bounded exponential backoff
    /// and jitter, honouring Retry-After and the rate-limit reset, re-sending the same body each time, and traces
    /// every attempt. Redirects are never followed: a POST would lose its body, or send it elsewhere.
    /// </summary>
    internal sealed class ApiTransport : IDisposable
    {
        private static readonly Random Jitter = new Random();
        private readonly HttpClient http;
        private readonly Uri baseUri;
        private readonly LibratoCredentials credentials;
        private readonly LibratoClientOptions options;
        private readonly CertificateObserver certificates = new CertificateObserver();

        public ApiTransport(LibratoCredentials credentials, LibratoClientOptions options, HttpMessageHandler? handler)
        {
            this.credentials = credentials;
            this.options = options;
            baseUri = EndpointPath.BaseUri(options.Endpoint);
            http = handler == null ? new HttpClient(HandlerFactory.Create(options, certificates)) : new HttpClient(handler, disposeHandler: false);

            // Each attempt has its own deadline (see SendOnceAsync); retries must not share one overall timeout.
            http.Timeout = System.Threading.Timeout.InfiniteTimeSpan;
            http.DefaultRequestHeaders.UserAgent.ParseAdd(options.UserAgent);
            http.DefaultRequestHeaders.Accept.Add(new MediaTypeWithQualityHeaderValue("application/json"));
        }

        private TimeProvider Clock => options.TimeProvider;

        /// <summary>
        /// Sends, retrying as needed, then returns <paramref name="body"/>'s pooled buffers, unless an attempt ended
        /// without an answer (a timeout, a broken connection, a cancellation): the handler may then still be reading
        /// them, so they are left to the garbage collector instead.
        /// </summary>
        public async Task<ApiResponse> SendAsync(
            HttpMethod method, string path, RequestBody? body, IRequestTrace? trace, CancellationToken cancellationToken, RequestPolicy? policy = null)
        {
            var answered = true;
            var maxRetries = Math.Min(options.MaxRetries, policy?.MaxRetries ?? int.MaxValue);
            try
            {
                for (var attempt = 0; ; attempt++)
                {
                    try
                    {
                        return await SendOnceAsync(method, path, body, trace, policy?.CheckAnswer, cancellationToken).ConfigureAwait(false);
                    }
                    catch (LibratoApiException ex) when (IsTransient(ex) && attempt < maxRetries)
                    {
                        answered &= ex.StatusCode.HasValue;
                        var delay = RetryDelay(ex, attempt);
                        if (policy?.Deadline is DateTimeOffset deadline && Clock.GetUtcNow() + delay > deadline)
                        {
                            trace?.Write(
                                $"Not retrying {method} {new Uri(baseUri, path)} after {Describe(ex)}: the send's time limit " +
                                $"ends before a retry in {delay.TotalSeconds:0.###} s could start");
                            throw;
                        }

                        trace?.Write(
                            $"{TraceLines.Retry}{method} {new Uri(baseUri, path)} in {delay.TotalSeconds:0.###} s " +
                            $"(retry {attempt + 1} of {maxRetries}) after {Describe(ex)}");
                        await Clock.Delay(delay, cancellationToken).ConfigureAwait(false);
                        trace?.Write(
                            $"{TraceLines.Attempt}{attempt + 2} of {maxRetries + 1}: {method} {new Uri(baseUri, path)}, waiting up to " +
                            $"{options.Timeout.TotalSeconds:0.###} s for an answer");
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
            ex.Kind == LibratoErrorKind.Timeout || ex.Kind == LibratoErrorKind.Connection ||
            ex.Kind == LibratoErrorKind.MalformedResponse;

        private async Task<ApiResponse> SendOnceAsync(
            HttpMethod method, string path, RequestBody? body, IRequestTrace? trace, Func<ApiResponse, string?>? checkAnswer,
            CancellationToken cancellationToken)
        {
            var uri = new Uri(baseUri, path);
            var started = Clock.GetTimestamp();
            using (var timeout = Clock.CreateCancellationTokenSource(options.Timeout))
            using (var deadline = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, timeout.Token))
            using (var request = new HttpRequestMessage(method, uri))
            {
                request.Headers.Authorization = new AuthenticationHeaderValue("Basic", credentials.CreateAuthorizationParameter(options.Api));
                if (body != null)
                {
                    request.Content = body.Content(options.CompressRequests);

                    // Through an explicit proxy, the body waits for the go-ahead: a proxy that refuses the credentials
                    // answers and closes without reading it, and the refusal is then read instead of a reset connection.
                    request.Headers.ExpectContinue = options.Proxy != null;
                }

                try
                {
                    using (var response = await http.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, deadline.Token).ConfigureAwait(false))
                    {
                        var bytes = await ReadBodyAsync(response, deadline.Token).ConfigureAwait(false);
                        var status = (int)response.StatusCode;
                        trace?.Write($"{method} {uri} -> {status} in {Elapsed(started)} ms");
                        if (status >= 200 && status < 300)
                        {
                            var answer = new ApiResponse(
                                response.StatusCode, bytes, response.Headers.Location?.OriginalString, response.Content.Headers.ContentType?.MediaType);
                            var problem = checkAnswer?.Invoke(answer);
                            if (problem != null)
                            {
                                throw new LibratoApiException(LibratoErrorKind.MalformedResponse, method.Method, path, status, new[] { problem });
                            }

                            return answer;
                        }

                        if (status >= 300 && status < 400)
                        {
                            throw Redirected(method, path, status, response.Headers.Location);
                        }

                        throw ErrorBody.ToException(method.Method, path, status, bytes, RetryHints.From(response, Clock), options.Proxy != null);
                    }
                }
                catch (OperationCanceledException ex) when (!cancellationToken.IsCancellationRequested)
                {
                    trace?.Write($"{method} {uri} timed out after {Elapsed(started)} ms");
                    // "The operation was canceled" says nothing to the user: say what did not come, and the setting.
                    throw new LibratoApiException(
                        LibratoErrorKind.Timeout, method.Method, path, null,
                        new[] { $"no answer within {options.Timeout.TotalSeconds.ToString("0.###", System.Globalization.CultureInfo.InvariantCulture)} s" }, ex);
                }
                catch (HttpRequestException ex)
                {
                    trace?.Write($"{method} {uri} failed after {Elapsed(started)} ms: {ex.Message}");
                    throw FromRequestFailure(method, path, ex);
                }
                catch (System.IO.IOException ex)
                {
                    trace?.Write($"{method} {uri} broke after {Elapsed(started)} ms: {ex.Message}");
                    throw new LibratoApiException(LibratoErrorKind.Connection, method.Method, path, null, Array.Empty<string>(), ex);
                }
            }
        }

        /// <summary>
        /// A request that got no HTTP answer: a certificate or proxy failure, which no retry mends, or a connection
        /// that failed or broke, which one may.
        /// </summary>
        private LibratoApiException FromRequestFailure(HttpMethod method, string path, HttpRequestException ex)
        {
            for (Exception? inner = ex.InnerException; inner != null; inner = inner.InnerException)
            {
                if (inner is AuthenticationException)
                {
                    var reason = certificates.LastFailure;
                    if (reason != null || inner.Message.IndexOf("certificate", StringComparison.OrdinalIgnoreCase) >= 0)
                    {
                        var why = reason ?? inner.Message.TrimEnd('.') + ". To trust a private certificate authority, " + CertificateObserver.TrustAdvice();
                        return new LibratoApiException(
                            LibratoErrorKind.CertificateInvalid, method.Method, path, null,
                            new[] { $"the certificate of '{baseUri.Host}' is not valid: {why}. Certificate validation cannot be turned off" }, ex);
                    }
                }
            }

            if (IsProxyAuthenticationFailure(ex))
            {
                return new LibratoApiException(LibratoErrorKind.ProxyAuthenticationFailed, method.Method, path, 407, new[] { ErrorBody.ProxyAdvice }, ex);
            }

            return new LibratoApiException(LibratoErrorKind.Connection, method.Method, path, null, Array.Empty<string>(), ex);
        }

        /// <summary>
        /// The proxy refused the credentials of an https request's CONNECT: .NET 8 and later report the tunnel's
        /// failure (HttpRequestError.ProxyTunnelError) with the status only in the message. Proxies answer 407, and
        /// some (tinyproxy) 401, to wrong credentials.
        /// </summary>
        private static bool IsProxyAuthenticationFailure(HttpRequestException ex)
        {
            var status = ex.GetType().GetProperty("StatusCode", BindingFlags.Public | BindingFlags.Instance)?.GetValue(ex);
            if (status is System.Net.HttpStatusCode code && (int)code == 407)
            {
                return true;
            }

            var tunnel = string.Equals(
                ex.GetType().GetProperty("HttpRequestError", BindingFlags.Public | BindingFlags.Instance)?.GetValue(ex)?.ToString(),
                "ProxyTunnelError",
                StringComparison.Ordinal);
            return ex.Message.IndexOf("'407'", StringComparison.Ordinal) >= 0 ||
                (tunnel && ex.Message.IndexOf("'401'", StringComparison.Ordinal) >= 0);
        }

        private static LibratoApiException Redirected(HttpMethod method, string path, int status, Uri? location)
        {
            // The target is shown without user information or query, which may carry secrets.
            var to = location == null
                ? "no Location"
                : "'" + (location.IsAbsoluteUri ? location.Scheme + "://" + location.Authority + location.AbsolutePath : location.OriginalString.Split('?')[0]) + "'";
            return new LibratoApiException(
                LibratoErrorKind.Redirected, method.Method, path, status,
                new[] { $"a redirect to {to}, which is not followed (a POST would lose its body or carry it elsewhere); if the API moved, connect with -Endpoint set to its new address" });
        }

        private long Elapsed(long started) => (long)Clock.GetElapsedTime(started).TotalMilliseconds;

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
            // Stryker disable Equality : where the two sides are equal, either branch gives the same wait
            if (ex.RetryAfter.HasValue && ex.RetryAfter.Value > delay)
            {
                // The server said when; wait that long, but never past the ceiling the caller set.
                delay = ex.RetryAfter.Value < options.MaxRetryDelay ? ex.RetryAfter.Value : options.MaxRetryDelay;
                // Stryker restore Equality
            }

            return delay;
        }

        private static string Describe(LibratoApiException ex) =>
            ex.StatusCode.HasValue ? ex.StatusCode.Value + (ex.RetryAfter.HasValue ? $" (retry after {ex.RetryAfter.Value.TotalSeconds:0.###} s)" : string.Empty)
            : ex.Kind == LibratoErrorKind.Timeout ? "a timeout"
            : "a connection failure";
    }
}
