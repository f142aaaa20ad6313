using System.Linq;
using System.Threading.Tasks;
using Librato.Emulator.Tests.Support;
using Xunit;

namespace Librato.Emulator.Tests.Api;

public sealed class MetricDeleteTests : EmulatorTestBase
{
    public MetricDeleteTests(EmulatorFixture fixture)
        : base(fixture)
    {
    }

    private async Task PostGauge(string name, double value, long time)
    {
        var response = await Api.PostJsonAsync("/v1/metrics", $$"""{"gauges":[{"name":"{{name}}","value":{{value}},"measure_time":{{time}} }]}""");
        Assert.Equal(200, response.Status);
    }

    [Fact]
    public async Task DeletingAMetricIs204AndRemovesItAndItsData()
    {
        await PostGauge("cpu", 1, Now - 10);
        await Api.PostJsonAsync("/v1/measurements", """{"tags":{"h":"a"},"measurements":[{"name":"cpu","value":2}]}""");
        await PostGauge("keep", 1, Now - 10);

        var response = await Api.DeleteAsync("/v1/metrics/CPU");

        Assert.Equal(204, response.Status);
        Assert.Equal(string.Empty, response.Body);
        Assert.Equal(404, (await Api.GetAsync("/v1/metrics/cpu")).Status);
        Assert.Empty(State.GetSeries(EmulatorFixture.Email, "cpu"));
        Assert.Equal(new[] { "keep" }, State.GetStats(EmulatorFixture.Email).PerMetric.Keys);
    }

    [Fact]
    public async Task DeletingAnUnknownMetricIs404()
    {
        var response = await Api.DeleteAsync("/v1/metrics/nope");

        Assert.Equal(404, response.Status);
        Assert.Equal("""{"errors":{"request":["Metric not found"]}}""", response.Body);
    }

    [Fact]
    public async Task AnotherAccountsMetricCannotBeDeleted()
    {
        await PostGauge("mine", 1, Now - 10);

        var response = await Fixture.Other.DeleteAsync("/v1/metrics/mine");

        Assert.Equal(404, response.Status);
        Assert.NotNull(State.GetMetric(EmulatorFixture.Email, "mine"));
    }

    [Fact]
    public async Task ADeletedMetricThatKeepsReceivingDataIsRecreatedAfresh()
    {
        await Api.PutJsonAsync("/v1/metrics/temp", """{"type":"gauge","display_name":"Temperature"}""");
        await PostGauge("temp", 1, Now - 20);
        Assert.Equal(204, (await Api.DeleteAsync("/v1/metrics/temp")).Status);

        await PostGauge("temp", 7, Now - 5);

        var metric = State.GetMetric(EmulatorFixture.Email, "temp")!;
        Assert.Null(metric.DisplayName);
        Assert.Equal(7, State.GetSeries(EmulatorFixture.Email, "temp").Single().Points.Single().Value);
    }

    [Fact]
    public async Task ADeletedCounterMayComeBackAsAGauge()
    {
        await Api.PostJsonAsync("/v1/metrics", """{"counters":[{"name":"hits","value":1}]}""");
        await Api.DeleteAsync("/v1/metrics/hits");

        var response = await Api.PostJsonAsync("/v1/measurements", """{"tags":{"h":"a"},"measurements":[{"name":"hits","value":3}]}""");

        Assert.Equal(1, response.Json.GetProperty("measurements").GetProperty("summary").GetProperty("accepted").GetInt32());
        Assert.Equal("gauge", State.GetMetric(EmulatorFixture.Email, "hits")!.Type);
    }
}
