using System.Linq;
using System.Text.Json;
using System.Threading.Tasks;
using Librato.Emulator.Tests.Support;
using Xunit;

namespace Librato.Emulator.Tests.Api;

public sealed class LegacySubmitTests : EmulatorTestBase
{
    public LegacySubmitTests(EmulatorFixture fixture)
        : base(fixture)
    {
    }

    private Task<ApiResponse> Post(string json) => Api.PostJsonAsync("/v1/metrics", json);

    private EmulatorSeries SingleSeries(string metric) => Assert.Single(State.GetSeries(EmulatorFixture.Email, metric));

    [Fact]
    public async Task ArrayLayoutIsStoredAndAnsweredWithEmpty200()
    {
        long t = Now - 30;
        var response = await Post($$"""
            {"gauges":[{"name":"cpu","value":88.4,"source":"web1","measure_time":{{t}} },
                       {"name":"cpu","value":70,"source":"web2","measure_time":{{t}} }],
             "counters":[{"name":"conn","value":5,"measure_time":{{t}} }]}
            """);

        Assert.Equal(200, response.Status);
        Assert.Equal(string.Empty, response.Body);
        Assert.Equal(0, response.Message.Content.Headers.ContentLength);
        var cpu = State.GetSeries(EmulatorFixture.Email, "cpu");
        Assert.Equal(new[] { "web1", "web2" }, cpu.Select(s => s.Source));
        Assert.Equal(88.4, cpu[0].Points.Single().Value);
        Assert.Equal(t, cpu[0].Points.Single().Time);
        Assert.Equal("counter", State.GetMetric(EmulatorFixture.Email, "conn")!.Type);
        Assert.Equal("gauge", State.GetMetric(EmulatorFixture.Email, "cpu")!.Type);
    }

    [Fact]
    public async Task HashedByNameLayoutTakesNamesFromKeys()
    {
        long t = Now - 10;
        var response = await Post($$"""
            {"gauges":{"login-delay":{"value":3.5,"source":"foo.bar.com","measure_time":{{t}} },"queue":{"value":7,"measure_time":{{t}} } },
             "counters":{"logins":{"value":12,"measure_time":{{t}} } } }
            """);

        Assert.Equal(200, response.Status);
        Assert.Equal(3.5, SingleSeries("login-delay").Points.Single().Value);
        Assert.Equal("foo.bar.com", SingleSeries("login-delay").Source);
        Assert.Equal(7, SingleSeries("queue").Points.Single().Value);
        Assert.Equal("counter", State.GetMetric(EmulatorFixture.Email, "logins")!.Type);
    }

    [Fact]
    public async Task IndexedHashLayoutTakesNamesFromEntries()
    {
        long t = Now - 10;
        var response = await Post($$"""
            {"gauges":{"0":{"name":"disk","value":1,"measure_time":{{t}} },"1":{"name":"mem","value":2,"measure_time":{{t}} } } }
            """);

        Assert.Equal(200, response.Status);
        Assert.Equal(2, State.GetStats(EmulatorFixture.Email).Metrics);
        Assert.Equal(1, SingleSeries("disk").Points.Single().Value);
        Assert.Equal(2, SingleSeries("mem").Points.Single().Value);
        Assert.Null(State.GetMetric(EmulatorFixture.Email, "0"));
    }

    [Fact]
    public async Task TopLevelSourceAndTimeApplyToEntriesWithoutTheirOwn()
    {
        long top = Now - 100;
        long own = Now - 50;
        var response = await Post($$"""
            {"measure_time":{{top}},"source":"top-src",
             "gauges":[{"name":"a","value":1},{"name":"b","value":2,"source":"own-src","measure_time":{{own}} }]}
            """);

        Assert.Equal(200, response.Status);
        var a = SingleSeries("a");
        var b = SingleSeries("b");
        Assert.Equal(("top-src", top), (a.Source, a.Points.Single().Time));
        Assert.Equal(("own-src", own), (b.Source, b.Points.Single().Time));
    }

    [Fact]
    public async Task MissingTimeDefaultsToReceiveTimeAndMissingSourceToNone()
    {
        long before = Now;
        await Post("""{"gauges":[{"name":"a","value":1}]}""");
        long after = Now;

        var series = SingleSeries("a");
        Assert.Null(series.Source);
        Assert.InRange(series.Points.Single().Time, before, after);
    }

    [Fact]
    public async Task SummaryGaugeKeepsItsFields()
    {
        long t = Now - 5;
        var response = await Post($$"""
            {"gauges":[{"name":"req","count":3,"sum":35.0,"min":4.5,"max":16.7,"sum_squares":430.0,"measure_time":{{t}} }]}
            """);

        Assert.Equal(200, response.Status);
        var point = SingleSeries("req").Points.Single();
        Assert.Equal(3, point.Count);
        Assert.Equal(35.0, point.Sum);
        Assert.Equal(4.5, point.Min);
        Assert.Equal(16.7, point.Max);
        Assert.Equal(430.0, point.SumSquares);
        Assert.Equal(35.0 / 3, point.Value, 12);
    }

    [Fact]
    public async Task SummaryWithoutMinAndMaxUsesTheMean()
    {
        await Post($$"""{"gauges":[{"name":"req","count":4,"sum":10,"measure_time":{{Now}} }]}""");

        var point = SingleSeries("req").Points.Single();
        Assert.Equal(2.5, point.Min);
        Assert.Equal(2.5, point.Max);
        Assert.Equal(4 * 2.5 * 2.5, point.SumSquares);
    }

    [Fact]
    public async Task NoGaugesOrCountersIs400Params()
    {
        var response = await Post("""{"gauges":[],"counters":{}}""");

        Assert.Equal(400, response.Status);
        Assert.Equal("at least one gauge or counter is required",
            response.Json.GetProperty("errors").GetProperty("params").GetProperty("gauges")[0].GetString());
    }

    [Fact]
    public async Task OneInvalidEntryRejectsTheWholeRequest()
    {
        long before = Now;
        var response = await Post($$"""
            {"gauges":[{"name":"good","value":1},{"name":"also-good","value":2},{"name":"x","value":3},{"name":"bad name","value":4}]}
            """);

        Assert.Equal(400, response.Status);
        Assert.Equal("application/json; charset=utf-8", response.ContentType);
        var errors = response.Json.GetProperty("errors");
        Assert.Equal("gauges[3] 'bad name' is not a valid metric name", errors.GetProperty("params").GetProperty("name").EnumerateArray().Single().GetString());
        Assert.InRange(response.Json.GetProperty("request_time").GetInt64(), before, Now);
        Assert.Equal(0, State.GetStats(EmulatorFixture.Email).Metrics);
    }

    [Fact]
    public async Task EveryInvalidEntryIsReportedUnderItsField()
    {
        long old = Now - (2 * 31536000);
        var response = await Post($$"""
            {"gauges":[{"name":"a","value":"abc"},{"name":"b","value":1,"measure_time":{{old}} },{"value":1}],
             "counters":[{"name":"c","value":1,"source":"bad source"}]}
            """);

        var parameters = response.Json.GetProperty("errors").GetProperty("params");
        Assert.Equal(400, response.Status);
        Assert.Equal("gauges[0] 'a' value is not a number", parameters.GetProperty("value")[0].GetString());
        Assert.Equal("gauges[1] 'b' measure_time is too far in the past", parameters.GetProperty("measure_time")[0].GetString());
        Assert.Equal("gauges[2] name is not present", parameters.GetProperty("name")[0].GetString());
        Assert.Equal("counters[0] 'c' source 'bad source' is not a valid source name", parameters.GetProperty("source")[0].GetString());
    }

    [Theory]
    [InlineData("""{"name":"m","count":2}""", "sum", "gauges[0] 'm' sum is required when count is given")]
    [InlineData("""{"name":"m","count":2,"sum":3,"value":1}""", "value", "gauges[0] 'm' value must be omitted when count is given")]
    [InlineData("""{"name":"m"}""", "value", "gauges[0] 'm' value is not present")]
    [InlineData("""{"name":"m","count":0,"sum":1}""", "count", "gauges[0] 'm' count must be greater than 0")]
    [InlineData("""{"name":"m","count":1.5,"sum":1}""", "count", "gauges[0] 'm' count is not an integer")]
    [InlineData("""{"name":"m","value":1,"source":"ALL"}""", "source", "gauges[0] 'm' source 'ALL' is a reserved source name")]
    [InlineData("""{"name":"m","value":1,"period":"sixty"}""", "period", "gauges[0] 'm' period is not a number")]
    [InlineData("""{"name":"m","value":1,"measure_time":12.5}""", "measure_time", "gauges[0] 'm' measure_time is not an integer")]
    [InlineData("""{"name":"m","value":1,"measure_time":"soon"}""", "measure_time", "gauges[0] 'm' measure_time is not a number")]
    [InlineData("""{"name":"m","value":1,"measure_time":99999999999}""", "measure_time", "gauges[0] 'm' measure_time is too far in the future")]
    public async Task EntryRulesAreEnforced(string entry, string field, string message)
    {
        var response = await Post($$"""{"gauges":[{{entry}}]}""");

        Assert.Equal(400, response.Status);
        Assert.Equal(message, response.Json.GetProperty("errors").GetProperty("params").GetProperty(field)[0].GetString());
        Assert.Equal(0, State.GetStats(EmulatorFixture.Email).Measurements);
    }

    [Theory]
    [InlineData("a")]
    [InlineData("Az09.:-_")]
    public async Task ValidNamesAreAccepted(string name)
    {
        var response = await Post($$"""{"gauges":[{"name":"{{name}}","value":1}]}""");

        Assert.Equal(200, response.Status);
    }

    [Fact]
    public async Task NameLongerThan255IsRejectedAnd255IsAccepted()
    {
        string longest = new('n', 255);
        string tooLong = new('n', 256);

        var ok = await Post($$"""{"gauges":[{"name":"{{longest}}","value":1}]}""");
        var rejected = await Post($$"""{"gauges":[{"name":"{{tooLong}}","value":1}]}""");

        Assert.Equal(200, ok.Status);
        Assert.Equal(400, rejected.Status);
    }

    [Fact]
    public async Task TimesJustInsideTheWindowAreAccepted()
    {
        long now = Now;
        var response = await Post($$"""
            {"gauges":[{"name":"edge","value":1,"measure_time":{{now - 31536000 + 120}} },{"name":"edge","value":2,"measure_time":{{now + 800}} }]}
            """);

        Assert.Equal(200, response.Status);
        Assert.Equal(2, SingleSeries("edge").Points.Count);
    }

    [Fact]
    public async Task InvalidTopLevelFieldsAreReportedOnce()
    {
        var response = await Post($$"""{"source":"all","measure_time":"x","gauges":[{"name":"a","value":1},{"name":"b","value":1}]}""");

        var parameters = response.Json.GetProperty("errors").GetProperty("params");
        Assert.Equal(400, response.Status);
        Assert.Equal("'all' is a reserved source name", parameters.GetProperty("source").EnumerateArray().Single().GetString());
        Assert.Equal("is not a number", parameters.GetProperty("measure_time").EnumerateArray().Single().GetString());
    }

    [Fact]
    public async Task GaugeSubmittedToExistingCounterIsATypeConflict()
    {
        Assert.Equal(200, (await Post("""{"counters":[{"name":"hits","value":1}]}""")).Status);

        var response = await Post("""{"gauges":[{"name":"hits","value":2}]}""");

        Assert.Equal(400, response.Status);
        Assert.Equal("'hits' is a counter, but was submitted as different type",
            response.Json.GetProperty("errors").GetProperty("params").GetProperty("type").EnumerateArray().Single().GetString());
        Assert.Equal(1, State.GetStats(EmulatorFixture.Email).Measurements);
    }

    [Fact]
    public async Task CounterSubmittedToExistingGaugeIsATypeConflict()
    {
        await Post("""{"gauges":[{"name":"temp","value":1}]}""");

        var response = await Post("""{"counters":[{"name":"TEMP","value":2}]}""");

        Assert.Equal(400, response.Status);
        Assert.Equal("'TEMP' is a gauge, but was submitted as different type",
            response.Json.GetProperty("errors").GetProperty("params").GetProperty("type")[0].GetString());
    }

    [Fact]
    public async Task SameNameAsGaugeAndCounterInOneRequestIsATypeConflict()
    {
        var response = await Post("""{"gauges":[{"name":"dual","value":1}],"counters":[{"name":"dual","value":1}]}""");

        Assert.Equal(400, response.Status);
        Assert.Equal("'dual' is a gauge, but was submitted as different type",
            response.Json.GetProperty("errors").GetProperty("params").GetProperty("type")[0].GetString());
        Assert.Equal(0, State.GetStats(EmulatorFixture.Email).Metrics);
    }

    [Fact]
    public async Task NamesIgnoreCaseAndKeepTheFirstSpelling()
    {
        long t = Now - 20;
        await Post($$"""{"gauges":[{"name":"CPU.Load","value":1,"measure_time":{{t}} }]}""");
        await Post($$"""{"gauges":[{"name":"cpu.load","value":2,"measure_time":{{t + 1}} }]}""");

        var stats = State.GetStats(EmulatorFixture.Email);
        Assert.Equal(1, stats.Metrics);
        Assert.Equal("CPU.Load", stats.PerMetric.Keys.Single());
        Assert.Equal(2, stats.Measurements);
    }

    [Fact]
    public async Task SecondMeasurementAtTheSameTimeReplacesTheFirst()
    {
        long t = Now - 60;
        await Post($$"""{"gauges":[{"name":"r","value":1,"source":"s","measure_time":{{t}} }]}""");
        await Post($$"""{"gauges":[{"name":"r","value":9,"source":"s","measure_time":{{t}} }]}""");

        var point = SingleSeries("r").Points.Single();
        Assert.Equal(9, point.Value);
        Assert.Equal(1, State.GetStats(EmulatorFixture.Email).Measurements);
    }

    [Fact]
    public async Task PropertiesApplyOnlyWhenTheMetricIsCreated()
    {
        await Post("""
            {"period":60,"attributes":{"aggregate":true},
             "gauges":[{"name":"p","value":1,"display_name":"Pretty","description":"First"}]}
            """);
        await Post("""{"period":30,"gauges":[{"name":"p","value":2,"display_name":"Other","description":"Second"}]}""");

        var metric = State.GetMetric(EmulatorFixture.Email, "p")!;
        Assert.Equal(60, metric.Period);
        Assert.Equal("Pretty", metric.DisplayName);
        Assert.Equal("First", metric.Description);
        Assert.True(metric.Attributes["aggregate"].GetBoolean());
        Assert.Equal(ApiClient.UserAgent, metric.Attributes["created_by_ua"].GetString());
    }

    [Theory]
    [InlineData("not json")]
    [InlineData("[1,2]")]
    [InlineData("""{"gauges":"cpu"}""")]
    [InlineData("")]
    public async Task UnparseableBodyIs400WithTheSubmissionMessage(string body)
    {
        var response = await Post(body);

        Assert.Equal(400, response.Status);
        Assert.Equal("{\"errors\":{\"request\":[\"Could not parse the basic format of the payload to identify measurements\"]}}", response.Body);
    }

    [Fact]
    public async Task NonObjectEntryIsRejected()
    {
        var response = await Post("""{"gauges":[42]}""");

        Assert.Equal(400, response.Status);
        Assert.Equal("gauges[0] is not an object", response.Json.GetProperty("errors").GetProperty("params").GetProperty("gauges")[0].GetString());
    }

    [Fact]
    public async Task ErrorBodyHasOnlyErrorsAndRequestTime()
    {
        var response = await Post("""{"gauges":[{"name":"x"}]}""");

        var names = response.Json.EnumerateObject().Select(p => p.Name).ToArray();
        Assert.Equal(new[] { "errors", "request_time" }, names);
        Assert.Equal(JsonValueKind.Array, response.Json.GetProperty("errors").GetProperty("params").GetProperty("value").ValueKind);
    }
}
