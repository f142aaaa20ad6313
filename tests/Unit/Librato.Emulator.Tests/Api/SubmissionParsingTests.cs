using System.Collections.Generic;
using System.Linq;
using System.Text;
using System.Text.Json;
using System.Threading.Tasks;
using Librato.Emulator.Tests.Support;
using Xunit;

namespace Librato.Emulator.Tests.Api;

/// <summary>Corners of the single-pass submission readers: escapes, repeated keys, field order, caches.</summary>
public sealed class SubmissionParsingTests : EmulatorTestBase
{
    public SubmissionParsingTests(EmulatorFixture fixture)
        : base(fixture)
    {
    }

    private Task<ApiResponse> PostTagged(string json) => Api.PostJsonAsync("/v1/measurements", json);

    private Task<ApiResponse> PostLegacy(string json) => Api.PostJsonAsync("/v1/metrics", json);

    private IReadOnlyList<EmulatorSeries> Series(string metric) => State.GetSeries(EmulatorFixture.Email, metric);

    private static JsonElement Failure(ApiResponse response) => response.Json.GetProperty("errors").EnumerateArray().Single();

    [Fact]
    public async Task EscapedNamesKeysAndValuesAreUnescaped()
    {
        var tagged = await PostTagged("""{"t\u0061gs":{"h\u006Fst":"W\u0045B"},"measurements":[{"n\u0061me":"cp\u0075","v\u0061lue":"1\u002E5"}]}""");
        var legacy = await PostLegacy("""{"gauges":{"l\u006Fgin":{"value":2,"source":"sr\u0063"}}}""");

        Assert.Equal(202, tagged.Status);
        Assert.Equal(200, legacy.Status);
        var cpu = Series("cpu").Single();
        Assert.Equal(new Dictionary<string, string> { ["host"] = "web" }, cpu.Tags);
        Assert.Equal(1.5, cpu.Points.Single().Value);
        Assert.Equal("src", Series("login").Single().Source);
    }

    [Fact]
    public async Task AKeyGivenTwiceKeepsItsLastValue()
    {
        long t = Now - 30;
        await PostTagged($$"""{"tags":{"h":"a"},"measurements":[{"name":"m","value":1,"value":2,"time":{{t}} }],"measurements":[{"name":"n","value":3}]}""");
        await PostLegacy($$"""{"gauges":[{"name":"x","value":1}],"gauges":[{"name":"y","value":4,"name":"z","measure_time":{{t}} }]}""");

        Assert.Empty(Series("m"));
        Assert.Equal(3, Series("n").Single().Points.Single().Value);
        Assert.Null(State.GetMetric(EmulatorFixture.Email, "x"));
        Assert.Null(State.GetMetric(EmulatorFixture.Email, "y"));
        Assert.Equal(4, Series("z").Single().Points.Single().Value);
    }

    [Fact]
    public async Task TopLevelFieldsMayFollowTheMeasurements()
    {
        long t = Now - 300;
        var tagged = await PostTagged($$"""{"measurements":[{"name":"m","value":1}],"tags":{"h":"a"},"time":{{t}},"period":60}""");
        var legacy = await PostLegacy($$"""{"gauges":[{"name":"g","value":1}],"source":"s","measure_time":{{t}} }""");

        Assert.Equal(202, tagged.Status);
        Assert.Equal(200, legacy.Status);
        Assert.Equal(t, Series("m").Single().Points.Single().Time);
        Assert.Equal(60, State.GetMetric(EmulatorFixture.Email, "m")!.Period);
        Assert.Equal(("s", t), (Series("g").Single().Source, Series("g").Single().Points.Single().Time));
    }

    [Theory]
    [InlineData("/v1/measurements", """{"tags":{"h":"a"},"measurements":[{"name":"m","value":1}]} x""")]
    [InlineData("/v1/measurements", """{"tags":{"h":"a"},"measurements":[{"name":"m","value":1}]}{}""")]
    [InlineData("/v1/metrics", """{"gauges":[{"name":"m","value":1}]},""")]
    [InlineData("/v1/metrics", """{"gauges":[{"name":"m","value":1,}]}""")]
    [InlineData("/v1/metrics", """   """)]
    public async Task AnythingThatIsNotOneJsonObjectIsUnparseable(string path, string body)
    {
        var response = await Api.PostJsonAsync(path, body);

        Assert.Equal(400, response.Status);
        Assert.Equal("""{"errors":{"request":["Could not parse the basic format of the payload to identify measurements"]}}""", response.Body);
        Assert.Equal(0, State.GetStats(EmulatorFixture.Email).Measurements);
    }

    [Theory]
    [InlineData("""{"k":null}""", "'null' is not a valid value for tag 'k'")]
    [InlineData("""{"k":{"a": 1}}""", """'{"a": 1}' is not a valid value for tag 'k'""")]
    [InlineData("""{"k":[1]}""", "'[1]' is not a valid value for tag 'k'")]
    [InlineData("""[]""", "must be an object of tag names and values")]
    [InlineData("""{"k\u00e9":"v"}""", "'k\u00e9' is not a valid tag name")]
    public async Task InvalidTagValuesAreQuotedAsGiven(string tags, string reason)
    {
        var response = await PostTagged($$"""{"measurements":[{"name":"m","value":1,"tags":{{tags}} }]}""");

        Assert.Equal(reason, Failure(response).GetProperty("reason").GetString());
    }

    [Fact]
    public async Task NumberAndBooleanTagValuesAreKeptAsText()
    {
        await PostTagged("""{"measurements":[{"name":"m","value":1,"tags":{"port":8080,"tls":true,"ratio":1.50}}]}""");

        Assert.Equal(new Dictionary<string, string> { ["port"] = "8080", ["ratio"] = "1.50", ["tls"] = "true" }, Series("m").Single().Tags);
    }

    [Fact]
    public async Task NonAsciiAndNonStringNamesAreReportedAsGiven()
    {
        var tagged = await PostTagged("""{"tags":{"h":"a"},"measurements":[{"name":"caf\u00e9","value":1},{"name":5,"value":1}]}""");
        var legacy = await PostLegacy("""{"gauges":[{"name":"caf\u00e9","value":1}]}""");
        var numeric = await PostLegacy("""{"gauges":[{"name":5,"value":1}]}""");

        var failures = tagged.Json.GetProperty("errors").EnumerateArray().ToArray();
        Assert.Equal("'café' is not a valid metric name", failures[0].GetProperty("reason").GetString());
        Assert.Equal("café", failures[0].GetProperty("name").GetString());
        Assert.Equal("'5' is not a valid metric name", failures[1].GetProperty("reason").GetString());
        Assert.Equal(JsonValueKind.Null, failures[1].GetProperty("name").ValueKind);
        Assert.Equal("gauges[0] 'café' is not a valid metric name",
            legacy.Json.GetProperty("errors").GetProperty("params").GetProperty("name")[0].GetString());
        Assert.Equal(200, numeric.Status);
        Assert.NotNull(State.GetMetric(EmulatorFixture.Email, "5"));
    }

    [Fact]
    public async Task ManyDistinctTagSetsInOneBodyLandInTheirOwnSeries()
    {
        long t = Now - 100;
        var body = new StringBuilder("{\"measurements\":[");
        for (int i = 0; i < 60; i++)
        {
            body.Append(i == 0 ? string.Empty : ",")
                .Append($$"""{"name":"m{{i % 3}}","value":{{i}},"time":{{t + i}},"tags":{"host":"h{{i % 20}}"} }""");
        }

        var response = await PostTagged(body.Append("]}").ToString());

        Assert.Equal(60, response.Json.GetProperty("measurements").GetProperty("summary").GetProperty("accepted").GetInt32());
        var stats = State.GetStats(EmulatorFixture.Email);
        Assert.Equal(60, stats.Series);
        Assert.Equal(60, stats.Measurements);
        var series = Series("m1");
        Assert.All(series, s => Assert.All(s.Points, p => Assert.Equal($"h{(long)p.Value % 20}", s.Tags!["host"])));
    }

    [Fact]
    public async Task ARepeatedInvalidTagObjectFailsEveryMeasurementThatCarriesIt()
    {
        var response = await PostTagged("""
            {"measurements":[{"name":"a","value":1,"tags":{"bad tag":"x"}},{"name":"b","value":1,"tags":{"ok":"x"}},{"name":"c","value":1,"tags":{"bad tag":"x"}}]}
            """);

        var failures = response.Json.GetProperty("errors").EnumerateArray().Select(e => e.GetProperty("index").GetInt32());
        Assert.Equal(new[] { 0, 2 }, failures);
        Assert.Single(Series("b"));
    }

    [Fact]
    public async Task AlternatingNamesAndSourcesEachReachTheirSeries()
    {
        long t = Now - 100;
        var gauges = Enumerable.Range(0, 40).Select(i =>
            $$"""{"name":"{{(i % 2 == 0 ? "even" : "EVEN")}}","value":{{i}},"measure_time":{{t + i}},"source":"{{(i % 4 < 2 ? "s1" : "s2")}}"}""");

        var response = await PostLegacy("{\"gauges\":[" + string.Join(",", gauges) + "]}");

        Assert.Equal(200, response.Status);
        var series = Series("even");
        Assert.Equal(new[] { "s1", "s2" }, series.Select(s => s.Source));
        Assert.All(series[0].Points, p => Assert.True((long)p.Value % 4 < 2));
        Assert.Equal(20, series[1].Points.Count);
        Assert.Equal("even", State.GetStats(EmulatorFixture.Email).PerMetric.Keys.Single());
    }

    [Fact]
    public async Task AnEscapedSourceIsValidatedUnescaped()
    {
        var good = await PostLegacy("""{"gauges":[{"name":"m","value":1,"source":"w\u0065b"}]}""");
        var bad = await PostLegacy("""{"gauges":[{"name":"m","value":1,"source":"\u0041LL"}]}""");

        Assert.Equal(200, good.Status);
        Assert.Equal("gauges[0] 'm' source 'ALL' is a reserved source name",
            bad.Json.GetProperty("errors").GetProperty("params").GetProperty("source")[0].GetString());
    }

    [Theory]
    [InlineData("/v1/metrics", "{\"gauges\":[{\"name\":\"", "\",\"value\":1}]}")]
    [InlineData("/v1/measurements", "{\"tags\":{\"h\":\"a\"},\"measurements\":[{\"name\":\"", "\",\"value\":1}]}")]
    [InlineData("/v1/measurements", "{\"measurements\":[{\"name\":\"m\",\"value\":1,\"tags\":{\"h\":\"", "\"}}]}")]
    public async Task InvalidUtf8IsUnparseable(string path, string before, string after)
    {
        byte[] body = Encoding.UTF8.GetBytes(before).Concat(new byte[] { 0xFF, 0xFE }).Concat(Encoding.UTF8.GetBytes(after)).ToArray();
        var content = new System.Net.Http.ByteArrayContent(body);
        content.Headers.ContentType = new System.Net.Http.Headers.MediaTypeHeaderValue("application/json");

        var response = await Api.SendAsync(new System.Net.Http.HttpRequestMessage(System.Net.Http.HttpMethod.Post, path) { Content = content });

        Assert.Equal(400, response.Status);
        Assert.Equal("{\"errors\":{\"request\":[\"Could not parse the basic format of the payload to identify measurements\"]}}", response.Body);
        Assert.Equal(0, State.GetStats(EmulatorFixture.Email).Measurements);
    }
}
