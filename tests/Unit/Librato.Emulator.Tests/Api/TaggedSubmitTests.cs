using System.Collections.Generic;
using System.Linq;
using System.Text;
using System.Text.Json;
using System.Threading.Tasks;
using Librato.Emulator.Tests.Support;
using Xunit;

namespace Librato.Emulator.Tests.Api;

public sealed class TaggedSubmitTests : EmulatorTestBase
{
    public TaggedSubmitTests(EmulatorFixture fixture)
        : base(fixture)
    {
    }

    private Task<ApiResponse> Post(string json) => Api.PostJsonAsync("/v1/measurements", json);

    private static JsonElement Summary(ApiResponse response) =>
        response.Json.GetProperty("measurements").GetProperty("summary");

    private static List<JsonElement> Errors(ApiResponse response) =>
        response.Json.GetProperty("errors").EnumerateArray().ToList();

    private IReadOnlyList<EmulatorSeries> Series(string metric) => State.GetSeries(EmulatorFixture.Email, metric);

    [Fact]
    public async Task AcceptedSubmissionIs202WithSummaryAndNoErrors()
    {
        var response = await Post($$"""
            {"tags":{"region":"us-west"},"time":{{Now - 10}},
             "measurements":[{"name":"cpu","value":4.5},{"name":"memory","value":34.5}]}
            """);

        Assert.Equal(202, response.Status);
        Assert.Equal("application/json; charset=utf-8", response.ContentType);
        Assert.Equal("""{"measurements":{"summary":{"total":2,"accepted":2,"failed":0,"filtered":0}}}""", response.Body);
        Assert.Equal(4.5, Series("cpu").Single().Points.Single().Value);
    }

    [Theory]
    [InlineData("text/plain")]
    [InlineData("application/x-www-form-urlencoded")]
    [InlineData("")]
    public async Task NonJsonContentTypeIs415(string contentType)
    {
        var response = await Api.PostJsonAsync("/v1/measurements", """{"tags":{"a":"b"},"measurements":[{"name":"x","value":1}]}""", contentType: contentType);

        Assert.Equal(415, response.Status);
        Assert.Equal("""{"errors":{"request":["Content type was not application/json"]}}""", response.Body);
        Assert.Equal(0, State.GetStats(EmulatorFixture.Email).Measurements);
    }

    [Fact]
    public async Task JsonWithCharsetIsAccepted()
    {
        var response = await Api.PostJsonAsync("/v1/measurements", """{"tags":{"a":"b"},"measurements":[{"name":"x","value":1}]}""",
            contentType: "application/json; charset=utf-8");

        Assert.Equal(202, response.Status);
    }

    [Fact]
    public async Task MeasurementTagsReplaceTopLevelTagsEntirely()
    {
        await Post("""
            {"tags":{"region":"us-west","host":"web-3"},
             "measurements":[{"name":"m","value":1},{"name":"m","value":2,"tags":{"az":"e"}}]}
            """);

        var series = Series("m");
        Assert.Equal(2, series.Count);
        Assert.Equal(new Dictionary<string, string> { ["az"] = "e" }, series[0].Tags);
        Assert.Equal(new Dictionary<string, string> { ["host"] = "web-3", ["region"] = "us-west" }, series[1].Tags);
    }

    [Fact]
    public async Task EmptyMeasurementTagsInheritTheTopLevelTags()
    {
        await Post("""{"tags":{"env":"prod"},"measurements":[{"name":"m","value":1,"tags":{}}]}""");

        Assert.Equal(new Dictionary<string, string> { ["env"] = "prod" }, Series("m").Single().Tags);
    }

    [Fact]
    public async Task MeasurementWithoutAnyTagsFails()
    {
        var response = await Post("""{"measurements":[{"name":"m","value":1}]}""");

        Assert.Equal(202, response.Status);
        Assert.Equal(1, Summary(response).GetProperty("failed").GetInt32());
        var error = Errors(response).Single();
        Assert.Equal(0, error.GetProperty("index").GetInt32());
        Assert.Equal("m", error.GetProperty("name").GetString());
        Assert.Equal("tags", error.GetProperty("param").GetString());
        Assert.Equal("at least one tag is required", error.GetProperty("reason").GetString());
    }

    [Fact]
    public async Task TagNamesAndValuesAreStoredLowerCased()
    {
        await Post("""{"measurements":[{"name":"m","value":1,"tags":{"Host":"WEB-1","Region":"Us West"}}]}""");

        Assert.Equal(new Dictionary<string, string> { ["host"] = "web-1", ["region"] = "us west" }, Series("m").Single().Tags);
    }

    [Fact]
    public async Task ValidAndInvalidMeasurementsAreHandledOneByOne()
    {
        var response = await Post($$"""
            {"tags":{"h":"a"},"measurements":[
              {"name":"ok1","value":1},
              {"name":"bad name","value":1},
              {"value":1},
              {"name":"ok2","value":2},
              {"name":"t","value":1,"tags":{"bad tag!":"x"} },
              {"name":"v","value":1,"tags":{"k":"bad|value"} },
              {"name":"old","value":1,"time":{{Now - (2 * 31536000)}} },
              {"name":"s","count":2},
              {"name":"w","count":2,"sum":3,"value":1},
              {"name":"nn","value":"abc"},
              7]}
            """);

        Assert.Equal(202, response.Status);
        var summary = Summary(response);
        Assert.Equal(11, summary.GetProperty("total").GetInt32());
        Assert.Equal(2, summary.GetProperty("accepted").GetInt32());
        Assert.Equal(9, summary.GetProperty("failed").GetInt32());
        Assert.Equal(0, summary.GetProperty("filtered").GetInt32());
        var errors = Errors(response).Select(e => (
            e.GetProperty("index").GetInt32(),
            e.GetProperty("name").ValueKind == JsonValueKind.Null ? null : e.GetProperty("name").GetString(),
            e.GetProperty("param").GetString(),
            e.GetProperty("reason").GetString())).ToList();
        Assert.Equal(
            new (int, string?, string?, string?)[]
            {
                (1, "bad name", "name", "'bad name' is not a valid metric name"),
                (2, null, "name", "is not present"),
                (4, "t", "tags", "'bad tag!' is not a valid tag name"),
                (5, "v", "tags", "'bad|value' is not a valid value for tag 'k'"),
                (6, "old", "time", "is too far in the past"),
                (7, "s", "sum", "is required when count is given"),
                (8, "w", "value", "must be omitted when count is given"),
                (9, "nn", "value", "is not a number"),
                (10, null, "measurement", "is not an object"),
            },
            errors);
        Assert.Equal(2, State.GetStats(EmulatorFixture.Email).Measurements);
    }

    [Fact]
    public async Task FiftyTagsAreAllowedAndFiftyOneAreNot()
    {
        string Tags(int count) => "{" + string.Join(",", Enumerable.Range(0, count).Select(i => $"\"t{i}\":\"v\"")) + "}";

        var response = await Post($$"""{"measurements":[{"name":"a","value":1,"tags":{{Tags(50)}} },{"name":"b","value":1,"tags":{{Tags(51)}} }]}""");

        Assert.Equal(1, Summary(response).GetProperty("accepted").GetInt32());
        var error = Errors(response).Single();
        Assert.Equal(1, error.GetProperty("index").GetInt32());
        Assert.Equal("must not have more than 50 tags", error.GetProperty("reason").GetString());
        Assert.Equal(50, Series("a").Single().Tags!.Count);
    }

    [Fact]
    public async Task TagRulesAllowTheDocumentedCharactersAndLengths()
    {
        string longName = new('n', 64);
        string longValue = new('v', 255);
        var response = await Post($$"""
            {"measurements":[
              {"name":"ok","value":1,"tags":{"a-b.c:d_e":"x-y.z:w_v?/\\ q"} },
              {"name":"ok","value":2,"tags":{"{{longName}}":"{{longValue}}"} },
              {"name":"long-name","value":1,"tags":{"{{longName}}n":"x"} },
              {"name":"long-value","value":1,"tags":{"k":"{{longValue}}v"} },
              {"name":"empty-value","value":1,"tags":{"k":""} }]}
            """);

        Assert.Equal(2, Summary(response).GetProperty("accepted").GetInt32());
        Assert.Equal(new[] { 2, 3, 4 }, Errors(response).Select(e => e.GetProperty("index").GetInt32()));
        Assert.Contains(Series("ok"), s => s.Tags!.TryGetValue("a-b.c:d_e", out var value) && value == "x-y.z:w_v?/\\ q");
    }

    [Fact]
    public async Task TagOrderDoesNotMakeANewSeriesAndSameTimeReplaces()
    {
        long t = Now - 30;
        await Post($$"""{"time":{{t}},"measurements":[{"name":"m","value":1,"tags":{"a":"1","b":"2"} }]}""");
        await Post($$"""{"time":{{t}},"measurements":[{"name":"m","value":5,"tags":{"b":"2","a":"1"} }]}""");

        var point = Series("m").Single().Points.Single();
        Assert.Equal(5, point.Value);
        Assert.Equal(t, point.Time);
    }

    [Fact]
    public async Task SummaryMeasurementIsStoredWithAllFields()
    {
        await Post("""
            {"tags":{"h":"a"},"measurements":[{"name":"lat","count":3,"sum":35.0,"min":4.5,"max":16.7,"last":2.5,"stddev":2.0}]}
            """);

        var point = Series("lat").Single().Points.Single();
        double mean = 35.0 / 3;
        Assert.Equal((3L, 35.0, 4.5, 16.7, 2.5), (point.Count, point.Sum, point.Min, point.Max, point.Last));
        Assert.Equal(3 * ((2.0 * 2.0) + (mean * mean)), point.SumSquares, 9);
    }

    [Fact]
    public async Task PythonStyleSumAndCountOneIsAccepted()
    {
        await Post("""{"measurements":[{"name":"py","sum":7.5,"count":1,"tags":{"h":"a"}}]}""");

        Assert.Equal(7.5, Series("py").Single().Points.Single().Value);
    }

    [Fact]
    public async Task TopLevelTimeAppliesAndAnInvalidOneFailsEveryInheritingMeasurement()
    {
        long t = Now - 300;
        await Post($$"""{"time":{{t}},"tags":{"h":"a"},"measurements":[{"name":"m","value":1}]}""");
        var bad = await Post($$"""{"time":{{Now + 3600}},"tags":{"h":"a"},"measurements":[{"name":"m","value":1},{"name":"m","value":2,"time":{{t + 1}} }]}""");

        Assert.Equal(t, Series("m").Single().Points[0].Time);
        var error = Errors(bad).Single();
        Assert.Equal((0, "time", "is too far in the future"),
            (error.GetProperty("index").GetInt32(), error.GetProperty("param").GetString(), error.GetProperty("reason").GetString()));
        Assert.Equal(2, Series("m").Single().Points.Count);
    }

    [Fact]
    public async Task MeasurementToALegacyCounterIsATypeConflict()
    {
        await Api.PostJsonAsync("/v1/metrics", """{"counters":[{"name":"hits","value":1}]}""");

        var response = await Post("""{"tags":{"h":"a"},"measurements":[{"name":"hits","value":1}]}""");

        var error = Errors(response).Single();
        Assert.Equal("type", error.GetProperty("param").GetString());
        Assert.Equal("'hits' is a counter, but was submitted as different type", error.GetProperty("reason").GetString());
    }

    [Fact]
    public async Task CreatesAGaugeWithPeriodAndAttributesFromTheMeasurement()
    {
        await Post("""{"period":60,"tags":{"h":"a"},"measurements":[{"name":"g","value":1,"attributes":{"display_units_short":"ms"}}]}""");

        var metric = State.GetMetric(EmulatorFixture.Email, "g")!;
        Assert.Equal("gauge", metric.Type);
        Assert.Equal(60, metric.Period);
        Assert.Equal("ms", metric.Attributes["display_units_short"].GetString());
    }

    [Theory]
    [InlineData("""{"tags":{"a":"b"}}""")]
    [InlineData("""{"measurements":{"name":"x","value":1}}""")]
    [InlineData("""{"measurements":[}""")]
    public async Task MissingOrMalformedMeasurementsIs400(string body)
    {
        var response = await Post(body);

        Assert.Equal(400, response.Status);
        Assert.Equal("{\"errors\":{\"request\":[\"Could not parse the basic format of the payload to identify measurements\"]}}", response.Body);
    }

    [Fact]
    public async Task LargeBatchIsCountedExactly()
    {
        long t = Now - 2000;
        var body = new StringBuilder("{\"tags\":{\"h\":\"a\"},\"measurements\":[");
        for (int i = 0; i < 1000; i++)
        {
            body.Append(i == 0 ? string.Empty : ",").Append($$"""{"name":"batch","value":{{i}},"time":{{t + i}} }""");
        }

        var response = await Post(body.Append("]}").ToString());

        Assert.Equal(1000, Summary(response).GetProperty("accepted").GetInt32());
        Assert.Equal(1000, State.GetStats(EmulatorFixture.Email).Measurements);
    }
}
