using System.Linq;
using System.Net.Http;
using System.Threading.Tasks;
using Librato.Emulator.Tests.Support;
using Xunit;

namespace Librato.Emulator.Tests.Api;

public sealed class FormBodyApiTests : EmulatorTestBase
{
    public FormBodyApiTests(EmulatorFixture fixture)
        : base(fixture)
    {
    }

    [Fact]
    public async Task LegacySubmissionAcceptsTheDocumentedCurlForm()
    {
        long t = Now - 30;
        var response = await Api.SendFormAsync(HttpMethod.Post, "/v1/metrics",
            $"gauges[0][name]=cpu_temp&gauges[0][value]=75&gauges[0][source]=us-west&gauges[0][measure_time]={t}" +
            "&counters[0][name]=requests&counters[0][value]=12&source=fallback");

        Assert.Equal(200, response.Status);
        var gauge = State.GetSeries(EmulatorFixture.Email, "cpu_temp").Single();
        Assert.Equal(("us-west", 75.0, t), (gauge.Source, gauge.Points.Single().Value, gauge.Points.Single().Time));
        var counter = State.GetSeries(EmulatorFixture.Email, "requests").Single();
        Assert.Equal(("fallback", 12.0), (counter.Source, counter.Points.Single().Value));
        Assert.Equal("counter", State.GetMetric(EmulatorFixture.Email, "requests")!.Type);
    }

    [Fact]
    public async Task LegacyFormKeyedByNameWorksToo()
    {
        var response = await Api.SendFormAsync(HttpMethod.Post, "/v1/metrics", "gauges[load][value]=1.5&gauges[load][source]=db");

        Assert.Equal(200, response.Status);
        Assert.Equal(1.5, State.GetSeries(EmulatorFixture.Email, "load").Single().Points.Single().Value);
    }

    [Fact]
    public async Task FormValidationErrorsUseTheJsonMessages()
    {
        var response = await Api.SendFormAsync(HttpMethod.Post, "/v1/metrics", "gauges[0][name]=cpu&gauges[0][value]=abc");

        Assert.Equal(400, response.Status);
        Assert.Equal("gauges[0] 'cpu' value is not a number", response.Json.GetProperty("errors").GetProperty("params").GetProperty("value")[0].GetString());
    }

    [Fact]
    public async Task TaggedSubmissionRefusesFormBodies()
    {
        var response = await Api.SendFormAsync(HttpMethod.Post, "/v1/measurements", "measurements[0][name]=cpu&measurements[0][value]=1&tags[host]=a");

        Assert.Equal(415, response.Status);
        Assert.Equal("""{"errors":{"request":["Content type was not application/json"]}}""", response.Body);
        Assert.Equal(0, State.GetStats(EmulatorFixture.Email).Measurements);
    }

    [Fact]
    public async Task MetricPutAcceptsFormAttributesAndStoresTypedValues()
    {
        var created = await Api.SendFormAsync(HttpMethod.Put, "/v1/metrics/cpu",
            "type=gauge&display_name=CPU+load&period=60&attributes[display_min]=0&attributes[display_max]=100.5" +
            "&attributes[display_stacked]=false&attributes[color]=%23A1B2C3&attributes[display_units_short]=%25");

        Assert.Equal(201, created.Status);
        var attributes = created.Json.GetProperty("attributes");
        Assert.Equal("0", attributes.GetProperty("display_min").GetRawText());
        Assert.Equal("100.5", attributes.GetProperty("display_max").GetRawText());
        Assert.Equal("false", attributes.GetProperty("display_stacked").GetRawText());
        Assert.Equal("#A1B2C3", attributes.GetProperty("color").GetString());
        Assert.Equal("%", attributes.GetProperty("display_units_short").GetString());
        Assert.Equal(60, created.Json.GetProperty("period").GetInt64());
        Assert.Equal("CPU load", created.Json.GetProperty("display_name").GetString());

        var updated = await Api.SendFormAsync(HttpMethod.Put, "/v1/metrics/cpu", "description=Per+core&attributes[aggregate]=1");
        Assert.Equal(204, updated.Status);
        var metric = State.GetMetric(EmulatorFixture.Email, "cpu")!;
        Assert.Equal("Per core", metric.Description);
        Assert.Equal("true", metric.Attributes["aggregate"].GetRawText());
    }

    [Fact]
    public async Task FormAttributeThatIsNotANumberIsRejected()
    {
        var response = await Api.SendFormAsync(HttpMethod.Put, "/v1/metrics/cpu", "type=gauge&attributes[display_min]=low&attributes[display_stacked]=maybe");

        Assert.Equal(400, response.Status);
        Assert.Equal("""{"errors":{"params":{"attributes":["display_min is not a number","display_stacked must be true or false"]}}}""", response.Body);
    }

    [Fact]
    public async Task JsonStringsForNumbersAndFlagsAreAcceptedLikeFormValues()
    {
        var response = await Api.PutJsonAsync("/v1/metrics/cpu", """{"type":"gauge","attributes":{"display_min":"5","gap_detection":"true"}}""");

        Assert.Equal(201, response.Status);
        Assert.Equal("5", response.Json.GetProperty("attributes").GetProperty("display_min").GetRawText());
        Assert.Equal("true", response.Json.GetProperty("attributes").GetProperty("gap_detection").GetRawText());
    }

    [Fact]
    public async Task ContentTypeParametersDoNotMatter()
    {
        var content = ApiClient.Body("gauges[0][name]=cs&gauges[0][value]=2", false, "application/x-www-form-urlencoded; charset=UTF-8");
        var response = await Api.SendAsync(new HttpRequestMessage(HttpMethod.Post, "/v1/metrics") { Content = content });

        Assert.Equal(200, response.Status);
        Assert.Equal(2, State.GetSeries(EmulatorFixture.Email, "cs").Single().Points.Single().Value);
    }

    [Fact]
    public async Task GzipFormBodyIsDecompressedThenParsed()
    {
        var content = ApiClient.Body("gauges[0][name]=zipped&gauges[0][value]=3", true, "application/x-www-form-urlencoded");
        var response = await Api.SendAsync(new HttpRequestMessage(HttpMethod.Post, "/v1/metrics") { Content = content });

        Assert.Equal(200, response.Status);
        Assert.Equal(3, State.GetSeries(EmulatorFixture.Email, "zipped").Single().Points.Single().Value);
    }

    [Fact]
    public async Task ConflictingFormKeysAre400()
    {
        var response = await Api.SendFormAsync(HttpMethod.Post, "/v1/metrics", "gauges=1&gauges[0][name]=x");

        Assert.Equal(400, response.Status);
        Assert.Equal(
            """{"errors":{"request":["Could not parse the form-encoded body: 'gauges' is given both as an object and as a value or list ('gauges[0][name]')"]}}""",
            response.Body);
    }

    [Fact]
    public async Task RequestLogKeepsTheFormTextAsSent()
    {
        await Api.SendFormAsync(HttpMethod.Post, "/v1/metrics", "gauges[0][name]=logged&gauges[0][value]=1");

        var entry = State.GetRequests(EmulatorFixture.Email).Single();
        Assert.Equal("gauges[0][name]=logged&gauges[0][value]=1", entry.Body);
    }

    [Fact]
    public async Task DeleteBodiesReachTheRouteAndTheLog()
    {
        var response = await Api.SendJsonAsync(HttpMethod.Delete, "/v1/metrics", """{"names":["a","b"]}""");

        Assert.Equal(204, response.Status);
        Assert.Equal("""{"names":["a","b"]}""", State.GetRequests(EmulatorFixture.Email).Single().Body);
    }

    [Fact]
    public async Task BatchMetricRoutesTakeFormBodiesAndStoreTypedAttributes()
    {
        await Api.PostJsonAsync("/v1/metrics", """{"gauges":[{"name":"cpu","value":1},{"name":"disk","value":1},{"name":"mem","value":1}]}""");

        var updated = await Api.SendFormAsync(HttpMethod.Put, "/v1/metrics", "names[]=cpu&names[]=disk&period=60&display_min=0&display_stacked=true");
        var deleted = await Api.SendFormAsync(HttpMethod.Delete, "/v1/metrics", "names[]=disk");

        Assert.Equal(204, updated.Status);
        Assert.Equal(204, deleted.Status);
        var cpu = State.GetMetric(EmulatorFixture.Email, "cpu")!;
        Assert.Equal(60, cpu.Period);
        Assert.Equal("0", cpu.Attributes["display_min"].GetRawText());
        Assert.Equal("true", cpu.Attributes["display_stacked"].GetRawText());
        Assert.Null(State.GetMetric(EmulatorFixture.Email, "disk"));
        Assert.NotNull(State.GetMetric(EmulatorFixture.Email, "mem"));
    }
}
