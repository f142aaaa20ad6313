using System;
using System.Linq;
using System.Text;
using System.Threading.Tasks;
using Librato.Emulator.Tests.Support;
using Xunit;

namespace Librato.Emulator.Tests.Api;

public sealed class ConcurrencyTests : EmulatorTestBase
{
    private const int Posters = 8;
    private const int Batches = 50;
    private const int PerBatch = 20;

    public ConcurrencyTests(EmulatorFixture fixture)
        : base(fixture)
    {
    }

    [Fact]
    public async Task ParallelTaggedPostersLoseNothing()
    {
        long b = Now - 10000;

        // Every poster writes into the same metric and, for half the batches, the same series, at distinct times.
        await PostFromEveryPosterAsync("/v1/measurements", 202, "{\"measurements\":[", (poster, batch, i) =>
        {
            long time = OwnTime(b, poster, batch, i);
            string host = batch % 2 == 0 ? "shared" : $"own-{poster}";
            return $$"""{"name":"load","value":{{i}},"time":{{time}},"tags":{"host":"{{host}}"} }""";
        });

        var stats = State.GetStats(EmulatorFixture.Email);
        Assert.Equal(Posters * Batches * PerBatch, stats.Measurements);
        Assert.Equal(1 + Posters, stats.Series);
        Assert.Equal(1, stats.Metrics);
    }

    [Fact]
    public async Task ParallelLegacyPostersCreatingTheSameMetricsLoseNothing()
    {
        long b = Now - 20000;
        await PostFromEveryPosterAsync("/v1/metrics", 200, "{\"source\":\"src\",\"gauges\":[", (poster, batch, i) =>
            $$"""{"name":"metric-{{i % 4}}","value":1,"measure_time":{{OwnTime(b, poster, batch, i)}} }""");

        var stats = State.GetStats(EmulatorFixture.Email);
        Assert.Equal(Posters * Batches * PerBatch, stats.Measurements);
        Assert.Equal(4, stats.Metrics);
        Assert.All(stats.PerMetric.Values, m => Assert.Equal(Posters * Batches * PerBatch / 4, m.Measurements));
    }

    [Fact]
    public async Task ParallelLegacyPostersWithASourceEachLoseNoSeriesAndNoSource()
    {
        // Every measurement has a source of its own (a host per container, say): each request makes new series and
        // new sources in the same metric while the others do.
        long t = Now - 30000;
        await PostFromEveryPosterAsync(
            "/v1/metrics",
            200,
            "{\"gauges\":[",
            (poster, batch, i) => $$"""{"name":"fleet","value":{{i}},"measure_time":{{t}},"source":"c-{{poster}}-{{batch}}-{{i}}"}""",
            gzipEveryOther: true);

        var stats = State.GetStats(EmulatorFixture.Email);
        Assert.Equal(Posters * Batches * PerBatch, stats.Series);
        Assert.Equal(Posters * Batches * PerBatch, stats.Measurements);
        var sources = await Api.GetAsync("/v1/sources?name=c-7-49-&length=100");
        Assert.Equal(PerBatch, sources.Json.GetProperty("query").GetProperty("found").GetInt32());
        Assert.Equal(Posters * Batches * PerBatch, (await Api.GetAsync("/v1/sources?length=1")).Json.GetProperty("query").GetProperty("total").GetInt32());
    }

    [Fact]
    public async Task ParallelWritesToTheSameTimeKeepOnePoint()
    {
        long t = Now - 500;
        var writers = Enumerable.Range(0, 16).Select(i =>
            Api.PostJsonAsync("/v1/metrics", $$"""{"gauges":[{"name":"same","value":{{i}},"measure_time":{{t}} }]}"""));
        await Task.WhenAll(writers);

        var points = State.GetSeries(EmulatorFixture.Email, "same").Single().Points;
        Assert.Single(points);
        Assert.InRange(points[0].Value, 0, 15);
    }

    /// <summary>A second of its own for every measurement of every poster, from <paramref name="start"/> on.</summary>
    private static long OwnTime(long start, int poster, int batch, int i) => start + (((poster * Batches) + batch) * PerBatch) + i;

    /// <summary>
    /// Every poster sends its batches one after another, all posters at once; a batch is <paramref name="opening"/>,
    /// then <see cref="PerBatch"/> measurements from <paramref name="measurement"/> (poster, batch, index), then "]}".
    /// </summary>
    private Task PostFromEveryPosterAsync(
        string path, int status, string opening, Func<int, int, int, string> measurement, bool gzipEveryOther = false) =>
        Task.WhenAll(Enumerable.Range(0, Posters).Select(poster => Task.Run(async () =>
        {
            for (int batch = 0; batch < Batches; batch++)
            {
                var body = new StringBuilder(opening);
                for (int i = 0; i < PerBatch; i++)
                {
                    body.Append(i == 0 ? string.Empty : ",").Append(measurement(poster, batch, i));
                }

                var response = await Api.PostJsonAsync(path, body.Append("]}").ToString(), gzip: gzipEveryOther && batch % 2 == 0);
                Assert.Equal(status, response.Status);
            }
        })));
}
