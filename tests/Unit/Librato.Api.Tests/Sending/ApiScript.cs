using System;
using System.Collections.Generic;
using System.IO;
using System.IO.Compression;
using System.Linq;
using System.Net;
using System.Net.Http;
using System.Text;
using System.Text.Json;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.Extensions.Time.Testing;

namespace Librato.Api.Tests.Sending
{
    /// <summary>
    /// A scripted API for engine tests: records each request (path, decoded body, the measurements it carried) and
    /// answers it as the test says, by default as the API does (200 empty for legacy, 202 with a summary for tagged).
    /// </summary>
    internal sealed class ApiScript : HttpMessageHandler
    {
        private readonly List<Request> requests = new List<Request>();

        public Func<Request, HttpResponseMessage?>? Answer { get; set; }

        /// <summary>Answers that never come until <see cref="Release"/> (or the request is cancelled).</summary>
        public Func<Request, bool>? Hold { get; set; }

        private readonly TaskCompletionSource<bool> released = new TaskCompletionSource<bool>(TaskCreationOptions.RunContinuationsAsynchronously);

        /// <summary>Lets every held request go on to its answer.</summary>
        public void Release() => released.TrySetResult(true);

        public IReadOnlyList<Request> Requests
        {
            get
            {
                lock (requests)
                {
                    return requests.ToArray();
                }
            }
        }

        /// <summary>Sources (legacy) or the tag "n" (tagged) of every measurement in requests answered 2xx.</summary>
        public List<string> Stored { get; } = new List<string>();

        /// <summary>Whether the handler was disposed (a client given it must leave that to its owner).</summary>
        public bool Disposed { get; private set; }

        public static FakeTimeProvider Clock() => new FakeTimeProvider(new DateTimeOffset(2026, 12, 7, 12, 0, 0, TimeSpan.Zero));

        public LibratoClient Client(FakeTimeProvider? clock = null, int maxRetries = 0, TimeSpan? timeout = null) =>
            new LibratoClient(
                new LibratoCredentials("a@b.c", "t"),
                new LibratoClientOptions
                {
                    Endpoint = new Uri("https://api.invalid"),
                    MaxRetries = maxRetries,

                    // On the fake clock the waits are real-sized; on the system clock they are kept short.
                    RetryBaseDelay = clock == null ? TimeSpan.FromMilliseconds(5) : TimeSpan.FromSeconds(1),
                    MaxRetryDelay = clock == null ? TimeSpan.FromMilliseconds(20) : TimeSpan.FromSeconds(8),
                    Timeout = timeout ?? TimeSpan.FromSeconds(10),
                    TimeProvider = (TimeProvider?)clock ?? TimeProvider.System,
                },
                this);

        /// <summary>An API that notes on <paramref name="clock"/> when each request came, then answers as <paramref name="answer"/> says.</summary>
        public static ApiScript Timed(TimeProvider clock, List<DateTimeOffset> times, Func<Request, HttpResponseMessage?> answer) =>
            new ApiScript
            {
                Answer = r =>
                {
                    lock (times)
                    {
                        times.Add(clock.GetUtcNow());
                    }

                    return answer(r);
                },
            };

        public static HttpResponseMessage Json(HttpStatusCode status, string body, string type = "application/json") =>
            new HttpResponseMessage(status) { Content = new StringContent(body, Encoding.UTF8, type) };

        protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            var bytes = request.Content == null ? Array.Empty<byte>() : await request.Content.ReadAsByteArrayAsync(cancellationToken);
            if (request.Content != null && request.Content.Headers.ContentEncoding.Contains("gzip"))
            {
                using var gzip = new GZipStream(new MemoryStream(bytes), CompressionMode.Decompress);
                using var plain = new MemoryStream();
                gzip.CopyTo(plain);
                bytes = plain.ToArray();
            }

            var r = new Request(request.Method.Method, request.RequestUri!.AbsolutePath, Encoding.UTF8.GetString(bytes)) { Headers = request.Headers };
            lock (requests)
            {
                r.Index = requests.Count;
                requests.Add(r);
            }

            if (Hold?.Invoke(r) == true)
            {
                await released.Task.WaitAsync(cancellationToken);
            }

            var response = Answer?.Invoke(r) ?? Default(r);
            if ((int)response.StatusCode >= 200 && (int)response.StatusCode < 300)
            {
                lock (Stored)
                {
                    Stored.AddRange(r.Keys);
                }
            }

            return response;
        }

        protected override void Dispose(bool disposing)
        {
            Disposed = true;
            base.Dispose(disposing);
        }

        private static HttpResponseMessage Default(Request r) =>
            r.Path.EndsWith("/measurements", StringComparison.Ordinal)
                ? Json(HttpStatusCode.Accepted, "{\"measurements\":{\"summary\":{\"total\":" + r.Keys.Count + ",\"accepted\":" + r.Keys.Count + ",\"failed\":0}},\"errors\":[]}")
                : new HttpResponseMessage(HttpStatusCode.OK) { Content = new ByteArrayContent(Array.Empty<byte>()) };

        internal sealed class Request
        {
            public Request(string method, string path, string body)
            {
                Method = method;
                Path = path;
                Body = body;
                Keys = KeysOf(body);
            }

            public int Index { get; set; }

            /// <summary>The request's headers as sent (credentials, user agent, 100-continue).</summary>
            public System.Net.Http.Headers.HttpRequestHeaders? Headers { get; set; }

            public string Method { get; }

            public string Path { get; }

            public string Body { get; }

            /// <summary>Each measurement's source (legacy) or tag "n" (tagged), in the order sent.</summary>
            public List<string> Keys { get; }

            private static List<string> KeysOf(string body)
            {
                var keys = new List<string>();
                if (body.Length == 0)
                {
                    return keys;
                }

                using var doc = JsonDocument.Parse(body);
                foreach (var group in new[] { "gauges", "counters", "measurements" })
                {
                    if (doc.RootElement.TryGetProperty(group, out var items))
                    {
                        foreach (var item in items.EnumerateArray())
                        {
                            keys.Add(item.TryGetProperty("source", out var s) ? s.GetString()!
                                : item.TryGetProperty("tags", out var t) && t.TryGetProperty("n", out var n) ? n.GetString()!
                                : item.GetProperty("name").GetString()!);
                        }
                    }
                }

                return keys;
            }
        }
    }

    internal static class Points
    {
        public const long Time = 1796644800; // 2026-12-07 12:00:00Z, the fake clock's start

        public static List<Measurement> Legacy(int count, string name = "m", int first = 0) =>
            Enumerable.Range(first, count).Select(i => new Measurement(name, i) { Source = "s" + i, Time = Time }).ToList();

        public static List<Measurement> Tagged(int count, string name = "t", int first = 0) =>
            Enumerable.Range(first, count)
                .Select(i => new Measurement(name, i) { Tags = new Dictionary<string, string> { ["n"] = "s" + i }, Time = Time })
                .ToList();

        public static IEnumerable<string> Keys(IEnumerable<Measurement> measurements) =>
            measurements.Select(m => m.Source ?? m.Tags!["n"]);

        /// <summary>Keeps a fake clock moving until <paramref name="task"/> is done, in steps, yielding to the work between them.</summary>
        public static async Task<T> Run<T>(FakeTimeProvider clock, Task<T> task, TimeSpan? step = null, int maxSteps = 100_000)
        {
            for (var i = 0; i < maxSteps && !task.IsCompleted; i++)
            {
                clock.Advance(step ?? TimeSpan.FromMilliseconds(100));
                await Task.Yield();

                // The work the step released runs before the clock moves on (within reason: other tests share the pool),
                // so that a busy machine makes the test slower, not the engine's clock readings later.
                var settling = System.Diagnostics.Stopwatch.StartNew();
                do
                {
                    await Task.WhenAny(task, Task.Delay(1));
                }
                while (!task.IsCompleted && ThreadPool.PendingWorkItemCount > 0 && settling.ElapsedMilliseconds < 10);
            }

            return await task;
        }

        public static Task Run(FakeTimeProvider clock, Task task, TimeSpan? step = null) =>
            Run(clock, task.ContinueWith(t => { t.GetAwaiter().GetResult(); return true; }, TaskScheduler.Default), step);
    }

    /// <summary>What engine tests share: options without timers or deadlines unless asked, and running a send to its end.</summary>
    internal static class Engine
    {
        public static SenderOptions Options(int batchSize = 300, int throttle = 1, TimeSpan? maxDuration = null, Outbox? outbox = null, TimeSpan? age = null) =>
            new SenderOptions { BatchSize = batchSize, ThrottleLimit = throttle, MaxSendDuration = maxDuration, MaxBatchAge = age, Outbox = outbox };

        /// <summary>Flushes, and takes every outcome, in order.</summary>
        public static List<BatchOutcome> Drain(MeasurementSender sender)
        {
            sender.Flush();
            var outcomes = new List<BatchOutcome>();
            while (sender.WaitForOutcome(CancellationToken.None))
            {
                while (sender.TryTakeOutcome(out var o))
                {
                    outcomes.Add(o!);
                }
            }

            return outcomes;
        }

        /// <summary>Hands everything over, then <see cref="Drain"/>.</summary>
        public static List<BatchOutcome> SendAll(MeasurementSender sender, IEnumerable<Measurement> items)
        {
            foreach (var m in items)
            {
                Xunit.Assert.True(sender.Add(m));
            }

            return Drain(sender);
        }
    }
}
