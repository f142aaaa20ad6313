using System;
using System.Diagnostics;
using System.Net;
using System.Net.Http;
using System.Net.Http.Headers;
using System.Text;
using System.Threading;
using System.Threading.Tasks;

namespace Librato.Emulator.Bench;

/// <summary>Posts pre-serialized bodies from several concurrent tasks over keep-alive connections.</summary>
internal sealed class Poster : IDisposable
{
    private static readonly byte[] NoFailures = Encoding.UTF8.GetBytes("\"failed\":0");

    private readonly HttpClient http;
    private readonly AuthenticationHeaderValue authorization;

    public Poster(Uri baseAddress, string email, string token, int connections)
    {
        var handler = new SocketsHttpHandler
        {
            MaxConnectionsPerServer = connections,
            PooledConnectionLifetime = Timeout.InfiniteTimeSpan,
            AutomaticDecompression = DecompressionMethods.None,
            UseProxy = false,
        };
        http = new HttpClient(handler) { BaseAddress = baseAddress, Timeout = TimeSpan.FromMinutes(2) };
        authorization = new AuthenticationHeaderValue("Basic", Convert.ToBase64String(Encoding.UTF8.GetBytes($"{email}:{token}")));
    }

    /// <summary>Sends every body once, spread over <paramref name="clients"/> tasks; returns the elapsed time.</summary>
    public async Task<TimeSpan> PostAllAsync(string path, byte[][] bodies, int clients, int expectedStatus)
    {
        int next = -1;
        var stopwatch = Stopwatch.StartNew();
        var tasks = new Task[clients];
        for (int c = 0; c < clients; c++)
        {
            tasks[c] = Task.Run(async () =>
            {
                int index;
                while ((index = Interlocked.Increment(ref next)) < bodies.Length)
                {
                    await PostAsync(path, bodies[index], expectedStatus).ConfigureAwait(false);
                }
            });
        }

        await Task.WhenAll(tasks).ConfigureAwait(false);
        stopwatch.Stop();
        return stopwatch.Elapsed;
    }

    private async Task PostAsync(string path, byte[] body, int expectedStatus)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, path) { Content = new ByteArrayContent(body) };
        request.Content.Headers.ContentType = new MediaTypeHeaderValue("application/json");
        request.Headers.Authorization = authorization;
        using var response = await http.SendAsync(request, HttpCompletionOption.ResponseContentRead).ConfigureAwait(false);
        byte[] answer = await response.Content.ReadAsByteArrayAsync().ConfigureAwait(false);
        if ((int)response.StatusCode != expectedStatus)
        {
            throw new InvalidOperationException($"POST {path} answered {(int)response.StatusCode}: {Encoding.UTF8.GetString(answer)}");
        }

        // A tagged submission answers 202 even when it rejects measurements; only the summary tells.
        if (expectedStatus == 202 && answer.AsSpan().IndexOf(NoFailures) < 0)
        {
            throw new InvalidOperationException($"POST {path} rejected measurements: {Encoding.UTF8.GetString(answer)}");
        }
    }

    public void Dispose() => http.Dispose();
}
