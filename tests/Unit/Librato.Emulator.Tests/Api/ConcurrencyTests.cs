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
        var posters = Enumerable.Range(0, Posters).Select(poster => Task.Run(async () =>
        {
            for (int batch = 0; batch < Batches; batch++)
            {
                var body = new StringBuilder("{\"measurements\":[");
                for (int i = 0; i < PerBatch; i++)
                {
                    long time = b + (((poster * Batches) + batch) * PerBatch) + i;
                    string host = batch % 2 == 0 ? "shared" : $"own-{poster}";
                    body.Append(i == 0 ? string.Empty : ",")
                        .Append($$"""{"name":"load","value":{{i}},"time":{{time}},"tags":{"host":"{{host}}"} }""");
                }

                var response = await Api.PostJsonAsync("/v1/measurements", body.Append("]}").ToString());
                Assert.Equal(202, response.Status);
            }
        }));
        await Task.WhenAll(posters);

        var stats = State.GetStats(EmulatorFixture.Email);
        Assert.Equal(Posters * Batches * PerBatch, stats.Measurements);
        Assert.Equal(1 + Posters, stats.Series);
        Assert.Equal(1, stats.Metrics);
    }

    [Fact]
    public async Task ParallelLegacyPostersCreatingTheSameMetricsLoseNothing()
    {
        long b = Now - 20000;
        var posters = Enumerable.Range(0, Posters).Select(poster => Task.Run(async () =>
        {
            for (int batch = 0; batch < Batches; batch++)
            {
                var body = new StringBuilder("{\"source\":\"src\",\"gauges\":[");
                for (int i = 0; i < PerBatch; i++)
                {
                    long time = b + (((poster * Batches) + batch) * PerBatch) + i;
                    body.Append(i == 0 ? string.Empty : ",").Append($$"""{"name":"metric-{{i % 4}}","value":1,"measure_time":{{time}} }""");
                }

                var response = await Api.PostJsonAsync("/v1/metrics", body.Append("]}").ToString());
                Assert.Equal(200, response.Status);
            }
        }));
        await Task.WhenAll(posters);

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
        var posters = Enumerable.Range(0, Posters).Select(poster => Task.Run(async () =>
        {
            for (int batch = 0; batch < Batches; batch++)
            {
                var body = new StringBuilder("{\"gauges\":[");
                for (int i = 0; i < PerBatch; i++)
                {
                    body.Append(i == 0 ? string.Empty : ",")
                        .Append($$"""{"name":"fleet","value":{{i}},"measure_time":{{t}},"source":"c-{{poster}}-{{batch}}-{{i}}"}""");
                }

                var response = await Api.PostJsonAsync("/v1/metrics", body.Append("]}").ToString(), gzip: batch % 2 == 0);
                Assert.Equal(200, response.Status);
            }
        }));
        await Task.WhenAll(posters);

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
}
