using System;
using System.Collections.Generic;
using System.Net;
using System.Net.Http;
using System.Text;
using System.Threading;
using System.Threading.Tasks;

namespace Librato.Api.Tests
{
    /// <summary>An HTTP handler that records every request body and answers as the test scripts it.</summary>
    internal sealed class ScriptedHandler : HttpMessageHandler
    {
        private readonly Func<int, string, HttpStatusCode> answer;
        private readonly List<(string Path, string Body, HttpStatusCode Status, bool Gzipped)> requests = new List<(string, string, HttpStatusCode, bool)>();

        private readonly List<long> wireLengths = new List<long>();

        public ScriptedHandler(Func<int, string, HttpStatusCode>? answer = null)
        {
            this.answer = answer ?? ((_, _) => HttpStatusCode.OK);
        }

        public IReadOnlyList<(string Path, string Body, HttpStatusCode Status, bool Gzipped)> Requests
        {
            get
            {
                lock (requests)
                {
                    return requests.ToArray();
                }
            }
        }

        /// <summary>Each request's body length as sent (compressed when it was).</summary>
        public IReadOnlyList<long> WireLengths
        {
            get
            {
                lock (requests)
                {
                    return wireLengths.ToArray();
                }
            }
        }

        public string? ResponseBody { get; set; }

        /// <summary>Adds headers (Retry-After, rate limits) to the answer of a given call.</summary>
        public Action<int, HttpResponseMessage>? Decorate { get; set; }

        /// <summary>A client on this handler; no retries unless asked, so a scripted failure is seen as it is.</summary>
        public static LibratoClient Client(ScriptedHandler handler, int maxRetries = 0) =>
            new LibratoClient(
                new LibratoCredentials("a@b.c", "t"),
                new LibratoClientOptions
                {
                    Endpoint = new Uri("https://api.invalid"),
                    MaxRetries = maxRetries,
                    RetryBaseDelay = TimeSpan.FromMilliseconds(10),
                    MaxRetryDelay = TimeSpan.FromSeconds(2),
                },
                handler);

        protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            var body = request.Content == null ? string.Empty : await request.Content.ReadAsStringAsync(cancellationToken);
            var wireLength = request.Content == null ? 0 : (await request.Content.ReadAsByteArrayAsync(cancellationToken)).Length;
            var gzipped = request.Content != null && request.Content.Headers.ContentEncoding.Contains("gzip");
            if (gzipped)
            {
                using var gzip = new System.IO.Compression.GZipStream(await request.Content!.ReadAsStreamAsync(cancellationToken), System.IO.Compression.CompressionMode.Decompress);
                using var reader = new System.IO.StreamReader(gzip, Encoding.UTF8);
                body = await reader.ReadToEndAsync(cancellationToken);
            }

            HttpStatusCode status;
            int call;
            lock (requests)
            {
                call = requests.Count;
                status = answer(call, body);
                requests.Add((request.RequestUri!.AbsolutePath, body, status, gzipped));
                wireLengths.Add(wireLength);
            }

            // Unless scripted, a tagged submission is answered as the API does, with a JSON object (an empty body is
            // not an answer the client takes for one); other routes with nothing.
            var answerBody = ResponseBody ?? (request.RequestUri!.AbsolutePath.EndsWith("/v1/measurements", StringComparison.Ordinal) ? "{\"errors\":[]}" : string.Empty);
            var response = new HttpResponseMessage(status) { Content = new StringContent(answerBody, Encoding.UTF8, "application/json") };
            Decorate?.Invoke(call, response);
            return response;
        }
    }
}
