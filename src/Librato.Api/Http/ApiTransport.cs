using System;
using System.Diagnostics;
using System.Net.Http;
using System.Net.Http.Headers;
using System.Threading;
using System.Threading.Tasks;

namespace Librato.Api
{
    /// <summary>Sends one request, maps every failure to a <see cref="LibratoApiException"/>, and traces it.</summary>
    internal sealed class ApiTransport : IDisposable
    {
        private readonly HttpClient http;
        private readonly Uri baseUri;
        private readonly LibratoCredentials credentials;

        public ApiTransport(LibratoCredentials credentials, LibratoClientOptions options, HttpMessageHandler? handler)
        {
            this.credentials = credentials;
            baseUri = new Uri(options.Endpoint.GetLeftPart(UriPartial.Path).TrimEnd('/') + "/");
            http = handler == null ? new HttpClient(CreateHandler()) : new HttpClient(handler, disposeHandler: false);
            http.Timeout = options.Timeout;
            http.DefaultRequestHeaders.UserAgent.ParseAdd(options.UserAgent);
            http.DefaultRequestHeaders.Accept.Add(new MediaTypeWithQualityHeaderValue("application/json"));
        }

        public async Task<ApiResponse> SendAsync(
            HttpMethod method, string path, HttpContent? content, IRequestTrace? trace, CancellationToken cancellationToken)
        {
            var uri = new Uri(baseUri, path);
            var watch = Stopwatch.StartNew();
            using (var request = new HttpRequestMessage(method, uri) { Content = content })
            {
                request.Headers.Authorization = new AuthenticationHeaderValue("Basic", credentials.CreateAuthorizationParameter());
                HttpResponseMessage response;
                try
                {
                    response = await http.SendAsync(request, HttpCompletionOption.ResponseContentRead, cancellationToken).ConfigureAwait(false);
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

                using (response)
                {
                    byte[] body;
                    try
                    {
                        body = await response.Content.ReadAsByteArrayAsync().ConfigureAwait(false);
                    }
                    catch (Exception ex) when (ex is HttpRequestException || ex is System.IO.IOException)
                    {
                        trace?.Write($"{method} {uri} -> {(int)response.StatusCode}, body broken after {watch.ElapsedMilliseconds} ms");
                        throw new LibratoApiException(LibratoErrorKind.Connection, method.Method, path, null, Array.Empty<string>(), ex);
                    }

                    var status = (int)response.StatusCode;
                    trace?.Write($"{method} {uri} -> {status} in {watch.ElapsedMilliseconds} ms");
                    if (status >= 200 && status < 300)
                    {
                        return new ApiResponse(response.StatusCode, body, response.Headers.Location?.OriginalString);
                    }

                    throw ErrorBody.ToException(method.Method, path, status, body);
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

        private static HttpMessageHandler CreateHandler() => new HttpClientHandler
        {
            AutomaticDecompression = System.Net.DecompressionMethods.GZip | System.Net.DecompressionMethods.Deflate,
            UseCookies = false,
        };
    }
}
