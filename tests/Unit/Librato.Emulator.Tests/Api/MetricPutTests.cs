using System.Linq;
using System.Threading.Tasks;
using Librato.Emulator.Tests.Support;
using Xunit;

namespace Librato.Emulator.Tests.Api;

public sealed class MetricPutTests : EmulatorTestBase
{
    public MetricPutTests(EmulatorFixture fixture)
        : base(fixture)
    {
    }

    private Task<ApiResponse> Put(string name, string json) => Api.PutJsonAsync("/v1/metrics/" + name, json);

    [Fact]
    public async Task CreatingAMetricIs201WithLocationAndTheMetric()
    {
        var response = await Put("cpu.temp", """
            {"type":"gauge","display_name":"CPU temperature","description":"In Fahrenheit","period":60,
             "attributes":{"display_units_short":"°F","display_min":0}}
            """);

        Assert.Equal(201, response.Status);
        Assert.Equal("/v1/metrics/cpu.temp", response.Message.Headers.Location!.OriginalString);
        Assert.Equal(
            """{"name":"cpu.temp","display_name":"CPU temperature","description":"In Fahrenheit","period":60,"type":"gauge","source_lag":null,"attributes":{"created_by_ua":"emulator-tests/1.0","display_stacked":true,"summarize_function":"average","aggregate":false,"display_units_short":"°F","display_min":0}}""",
            response.Body);
        Assert.Equal("CPU temperature", State.GetMetric(EmulatorFixture.Email, "cpu.temp")!.DisplayName);
    }

    [Fact]
    public async Task DisplayNameAndDescriptionHaveNoLengthLimit()
    {
        string displayName = "CPU (all hosts) / " + new string('x', 2000);
        string description = new string('d', 5000);

        var response = await Put("long.text", $$"""{"type":"gauge","display_name":"{{displayName}}","description":"{{description}}"}""");

        Assert.Equal(201, response.Status);
        var shown = (await Api.GetAsync("/v1/metrics/long.text")).Json;
        Assert.Equal(displayName, shown.GetProperty("display_name").GetString());
        Assert.Equal(description, shown.GetProperty("description").GetString());
    }

    [Fact]
    public async Task CreatingACounterGivesACounter()
    {
        await Put("hits", """{"type":"counter"}""");

        var posted = await Api.PostJsonAsync("/v1/metrics", """{"gauges":[{"name":"hits","value":1}]}""");

        Assert.Equal("counter", State.GetMetric(EmulatorFixture.Email, "hits")!.Type);
        Assert.Equal(400, posted.Status);
    }

    [Fact]
    public async Task CreatingWithoutTypeIs400()
    {
        var response = await Put("new.metric", """{"display_name":"x"}""");

        Assert.Equal(400, response.Status);
        Assert.Equal("""{"errors":{"params":{"type":["is required to create a metric"]}}}""", response.Body);
        Assert.Null(State.GetMetric(EmulatorFixture.Email, "new.metric"));
    }

    [Fact]
    public async Task UnknownTypeIs400()
    {
        var response = await Put("m", """{"type":"histogram"}""");

        Assert.Equal("""{"errors":{"params":{"type":["is not included in the list"]}}}""", response.Body);
    }

    [Fact]
    public async Task CompositeNeedsItsDefinition()
    {
        var missing = await Put("comp", """{"type":"composite"}""");
        var created = await Put("comp", """{"type":"composite","composite":"s(\"cpu\", {\"env\":\"prod\"})"}""");

        Assert.Equal(400, missing.Status);
        Assert.Equal("""{"errors":{"params":{"composite":["is required for composite metrics"]}}}""", missing.Body);
        Assert.Equal(201, created.Status);
        Assert.Equal("composite", created.Json.GetProperty("type").GetString());
        Assert.Equal("s(\"cpu\", {\"env\":\"prod\"})", created.Json.GetProperty("composite").GetString());
    }

    [Fact]
    public async Task CompositeDefinitionOnAGaugeIs400()
    {
        var response = await Put("g", """{"type":"gauge","composite":"s(\"x\")"}""");

        Assert.Equal("""{"errors":{"params":{"composite":["is only valid for composite metrics"]}}}""", response.Body);
    }

    [Fact]
    public async Task UpdatingIs204AndMergesAttributesKeyByKey()
    {
        await Put("m", """{"type":"gauge","display_name":"Old","description":"Keep me","attributes":{"color":"#112233","display_min":0}}""");

        var response = await Put("M", """{"display_name":"New","period":300,"attributes":{"color":"#445566","display_max":10}}""");

        Assert.Equal(204, response.Status);
        Assert.Equal(string.Empty, response.Body);
        var metric = State.GetMetric(EmulatorFixture.Email, "m")!;
        Assert.Equal(("m", "New", "Keep me", 300L), (metric.Name, metric.DisplayName, metric.Description, metric.Period!.Value));
        Assert.Equal("#445566", metric.Attributes["color"].GetString());
        Assert.Equal(0, metric.Attributes["display_min"].GetInt32());
        Assert.Equal(10, metric.Attributes["display_max"].GetInt32());
        Assert.Equal("emulator-tests/1.0", metric.Attributes["created_by_ua"].GetString());
    }

    [Fact]
    public async Task UpdatingAMetricCreatedBySubmissionWorks()
    {
        await Api.PostJsonAsync("/v1/metrics", """{"gauges":[{"name":"sub","value":1}]}""");

        var response = await Put("sub", """{"description":"Now described","period":null}""");
        var shown = await Api.GetAsync("/v1/metrics/sub");

        Assert.Equal(204, response.Status);
        Assert.Equal("Now described", shown.Json.GetProperty("description").GetString());
        Assert.Equal(1, State.GetStats(EmulatorFixture.Email).Measurements);
    }

    [Fact]
    public async Task EmptyUpdateChangesNothing()
    {
        await Put("m", """{"type":"gauge","display_name":"Name"}""");

        var response = await Put("m", "{}");

        Assert.Equal(204, response.Status);
        Assert.Equal("Name", State.GetMetric(EmulatorFixture.Email, "m")!.DisplayName);
    }

    [Fact]
    public async Task ChangingTheTypeIs400()
    {
        await Put("m", """{"type":"gauge"}""");

        var response = await Put("m", """{"type":"counter"}""");

        Assert.Equal("""{"errors":{"params":{"type":["cannot be changed from gauge to counter"]}}}""", response.Body);
    }

    [Theory]
    [InlineData("""{"type":"gauge","period":"often"}""", "period", "is not a number")]
    [InlineData("""{"type":"gauge","period":0}""", "period", "must be greater than 0")]
    [InlineData("""{"type":"gauge","display_name":5}""", "display_name", "must be a string")]
    [InlineData("""{"type":"gauge","attributes":[]}""", "attributes", "must be an object")]
    [InlineData("""{"type":"gauge","attributes":{"color":"red"}}""", "attributes", "color must be a 7-character hex color such as #52D74C")]
    [InlineData("""{"type":"gauge","attributes":{"summarize_function":"median"}}""", "attributes", "summarize_function must be one of average, sum, count, min, max")]
    [InlineData("""{"type":"gauge","attributes":{"display_stacked":"yes"}}""", "attributes", "display_stacked must be true or false")]
    public async Task InvalidFieldsAre400Params(string body, string param, string message)
    {
        var response = await Put("m", body);

        Assert.Equal(400, response.Status);
        Assert.Equal(ExpectedBodies.ParamError(param, message), response.Body);
        Assert.Null(State.GetMetric(EmulatorFixture.Email, "m"));
    }

    [Fact]
    public async Task InvalidNameIs400()
    {
        var response = await Put("bad%20name", """{"type":"gauge"}""");

        Assert.Equal(400, response.Status);
        Assert.Equal("""{"errors":{"params":{"name":["'bad name' is not a valid metric name"]}}}""", response.Body);
    }

    [Fact]
    public async Task CreatedMetricAppearsInTheList()
    {
        await Put("listed", """{"type":"gauge"}""");

        var list = await Api.GetAsync("/v1/metrics");

        Assert.Equal("listed", list.Json.GetProperty("metrics").EnumerateArray().Single().GetProperty("name").GetString());
    }
}
