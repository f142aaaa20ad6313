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
        private readonly List<(string Path, string Body, HttpStatusCode Status)> requests = new List<(string, string, HttpStatusCode)>();

        public ScriptedHandler(Func<int, string, HttpStatusCode>? answer = null)
        {
            this.answer = answer ?? ((_, _) => HttpStatusCode.OK);
        }

        public IReadOnlyList<(string Path, string Body, HttpStatusCode Status)> Requests
        {
            get
            {
                lock (requests)
                {
                    return requests.ToArray();
                }
            }
        }

        public string? ResponseBody { get; set; }

        public static LibratoClient Client(ScriptedHandler handler) =>
            new LibratoClient(new LibratoCredentials("a@b.c", "t"), new LibratoClientOptions { Endpoint = new Uri("https://api.invalid") }, handler);

        protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            var body = request.Content == null ? string.Empty : await request.Content.ReadAsStringAsync(cancellationToken);
            HttpStatusCode status;
            lock (requests)
            {
                status = answer(requests.Count, body);
                requests.Add((request.RequestUri!.AbsolutePath, body, status));
            }

            return new HttpResponseMessage(status) { Content = new StringContent(ResponseBody ?? string.Empty, Encoding.UTF8, "application/json") };
        }
    }
}
