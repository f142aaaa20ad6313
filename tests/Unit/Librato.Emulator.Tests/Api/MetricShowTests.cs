using System.Linq;
using System.Net.Http;
using System.Text.Json;
using System.Threading.Tasks;
using Librato.Emulator.Tests.Support;
using Xunit;

namespace Librato.Emulator.Tests.Api;

public sealed class MetricShowTests : EmulatorTestBase
{
    public MetricShowTests(EmulatorFixture fixture)
        : base(fixture)
    {
    }

    [Fact]
    public async Task UnknownMetricIs404()
    {
        var response = await Api.GetAsync("/v1/metrics/nope");

        Assert.Equal(404, response.Status);
        Assert.Equal("""{"errors":{"request":["Metric not found"]}}""", response.Body);
    }

    [Fact]
    public async Task MetricObjectHasTheDocumentedShape()
    {
        var request = new HttpRequestMessage(HttpMethod.Post, "/v1/metrics")
        {
            Content = ApiClient.Body("""{"gauges":[{"name":"cpu_temp","value":1}]}""", false, "application/json"),
        };
        request.Headers.TryAddWithoutValidation("User-Agent", "librato-metrics/0.7.4 (ruby; 1.9.3p194; x86_64-linux) direct-faraday/0.8.4");
        await Api.SendAsync(request);

        var response = await Api.GetAsync("/v1/metrics/CPU_TEMP");

        Assert.Equal(200, response.Status);
        Assert.Equal("application/json; charset=utf-8", response.ContentType);
        Assert.Equal(
            """{"name":"cpu_temp","display_name":null,"description":null,"period":null,"type":"gauge","source_lag":null,"attributes":{"created_by_ua":"librato-metrics/0.7.4 (ruby; 1.9.3p194; x86_64-linux) direct-faraday/0.8.4","display_stacked":true,"summarize_function":"average","aggregate":false}}""",
            response.Body);
    }

    [Fact]
    public async Task WithoutTimeParametersNoMeasurementsAreReturned()
    {
        await Api.PostJsonAsync("/v1/metrics", """{"gauges":[{"name":"m","value":1}]}""");

        var response = await Api.GetAsync("/v1/metrics/m?unrelated=1");

        Assert.False(response.Json.TryGetProperty("measurements", out _));
        Assert.False(response.Json.TryGetProperty("resolution", out _));
    }

    [Theory]
    [InlineData("source=web1")]
    [InlineData("resolution=60")]
    [InlineData("sources[]=a")]
    [InlineData("end_time=100")]
    public async Task AnyReadParameterAsksForMeasurementsAndThenStartTimeOrCountIsRequired(string query)
    {
        await Api.PostJsonAsync("/v1/metrics", """{"gauges":[{"name":"m","value":1}]}""");

        var response = await Api.GetAsync("/v1/metrics/m?" + query);

        Assert.Equal(400, response.Status);
        Assert.Equal("""{"errors":{"params":{"start_time":["is required when count is not given"]}}}""", response.Body);
    }

    [Fact]
    public async Task TaggedOnlyMetricHasNoLegacyMeasurements()
    {
        await Api.PostJsonAsync("/v1/measurements", """{"tags":{"a":"b"},"measurements":[{"name":"tagged","value":1}]}""");

        var response = await Api.GetAsync($"/v1/metrics/tagged?start_time={Now - 60}");

        Assert.Equal(200, response.Status);
        Assert.Equal(JsonValueKind.Object, response.Json.GetProperty("measurements").ValueKind);
        Assert.Empty(response.Json.GetProperty("measurements").EnumerateObject());
        Assert.Equal(1, response.Json.GetProperty("resolution").GetInt32());
    }
}
