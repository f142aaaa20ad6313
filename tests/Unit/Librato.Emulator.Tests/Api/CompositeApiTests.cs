using System;
using System.Globalization;
using System.Linq;
using System.Threading.Tasks;
using Librato.Emulator.Tests.Support;
using Xunit;

namespace Librato.Emulator.Tests.Api;

public sealed class CompositeApiTests : EmulatorTestBase
{
    private const string Attributes = """{"created_by_ua":"emulator-tests/1.0","display_stacked":true,"summarize_function":"average","aggregate":false}""";

    public CompositeApiTests(EmulatorFixture fixture)
        : base(fixture)
    {
    }

    private static string Query(string compose, long start, long resolution = 60, string extra = "") =>
        $"compose={Uri.EscapeDataString(compose)}&start_time={start}&resolution={resolution}{extra}";

    private async Task PostLegacy(ApiClient client, string name, string source, params (long Time, double Value)[] points)
    {
        string gauges = string.Join(",", points.Select(p => $$"""{"name":"{{name}}","source":"{{source}}","value":{{p.Value.ToString(CultureInfo.InvariantCulture)}},"measure_time":{{p.Time}} }"""));
        var response = await client.PostJsonAsync("/v1/metrics", $$"""{"gauges":[{{gauges}}]}""");
        Assert.Equal(200, response.Status);
    }

    private Task PostLegacy(string name, string source, params (long Time, double Value)[] points) => PostLegacy(Api, name, source, points);

    private async Task PostTagged(string tagsJson, string name, params (long Time, double Value)[] points)
    {
        string items = string.Join(",", points.Select(p => $$"""{"name":"{{name}}","value":{{p.Value.ToString(CultureInfo.InvariantCulture)}},"time":{{p.Time}} }"""));
        var response = await Api.PostJsonAsync("/v1/measurements", $$"""{"tags":{{tagsJson}},"measurements":[{{items}}]}""");
        Assert.Equal(202, response.Status);
    }

    [Fact]
    public async Task LegacyComposeAnswersTheDocumentedShape()
    {
        long b = AlignedPast(60, 10);
        await PostLegacy("cpu", "web-1", (b, 1), (b + 60, 3));
        await PostLegacy("cpu", "web-2", (b, 5));

        string compose = "derive(s(\"cpu\",\"web*\"))";
        var response = await Api.GetAsync("/v1/metrics?" + Query(compose, b));

        Assert.Equal(200, response.Status);
        string metric = $$"""{"name":"cpu","display_name":null,"description":null,"period":null,"type":"gauge","source_lag":null,"attributes":{{Attributes}}}""";
        Assert.Equal(
            $$"""{"compose":"derive(s(\"cpu\",\"web*\"))","resolution":60,"measurements":[""" +
            $$$"""{"metric":{{{metric}}},"period":60,"query":{"metric":"cpu","source":"web*"},"series":[{"measure_time":{{{b + 60}}},"value":2}],"source":{"name":"web-1","display_name":null}},""" +
            $$$"""{"metric":{{{metric}}},"period":60,"query":{"metric":"cpu","source":"web*"},"series":[],"source":{"name":"web-2","display_name":null}}]}""",
            response.Body);
    }

    [Fact]
    public async Task LegacyComposeEvaluatesSetFunctionsOverTheWindow()
    {
        long b = AlignedPast(60, 10);
        await PostLegacy("cpu", "web-1", (b - 60, 100), (b, 1), (b + 60, 3), (b + 120, 50));
        await PostLegacy("cpu", "web-2", (b, 5), (b + 60, 2));

        var response = await Api.GetAsync("/v1/metrics?" + Query("sum(s(\"cpu\",\"*\"))", b, extra: $"&end_time={b + 60}&count=1"));

        var series = response.Json.GetProperty("measurements").EnumerateArray().Single();
        Assert.Equal($$"""[{"measure_time":{{b}},"value":6},{"measure_time":{{b + 60}},"value":5}]""", series.GetProperty("series").GetRawText());
        Assert.Equal("""{"name":"all","display_name":null}""", series.GetProperty("source").GetRawText());
    }

    [Fact]
    public async Task LegacyComposeHonoursPeriodAndFunctionOptions()
    {
        long b = AlignedPast(3600, 2);
        await PostLegacy("req", "web-1", (b, 1), (b + 60, 2), (b + 1800, 4));

        var response = await Api.GetAsync("/v1/metrics?" + Query("s(\"req\",\"*\",{function:\"sum\",period:\"3600\"})", b));

        var series = response.Json.GetProperty("measurements").EnumerateArray().Single();
        Assert.Equal(3600, series.GetProperty("period").GetInt64());
        Assert.Equal($$"""[{"measure_time":{{b}},"value":7}]""", series.GetProperty("series").GetRawText());
    }

    [Fact]
    public async Task PointsThatOverflowAreLeftOut()
    {
        long b = AlignedPast(60, 10);
        await PostLegacy("cpu", "web-1", (b, 1e10), (b + 60, 2));

        var response = await Api.GetAsync("/v1/metrics?" + Query("scale(s(\"cpu\",\"*\"),{factor:\"1e300\"})", b));

        var series = response.Json.GetProperty("measurements").EnumerateArray().Single();
        Assert.Equal($$"""[{"measure_time":{{b + 60}},"value":2E+300}]""", series.GetProperty("series").GetRawText());
    }

    [Fact]
    public async Task ComposeSeesOnlyTheCallersAccount()
    {
        long b = AlignedPast(60, 10);
        await PostLegacy(Fixture.Other, "cpu", "web-1", (b, 1));

        var response = await Api.GetAsync("/v1/metrics?" + Query("s(\"cpu\",\"*\")", b));

        Assert.Equal("""{"compose":"s(\"cpu\",\"*\")","resolution":60,"measurements":[]}""", response.Body);
    }

    [Fact]
    public async Task LegacyComposeRequiresStartTimeAndResolution()
    {
        var response = await Api.GetAsync("/v1/metrics?compose=" + Uri.EscapeDataString("s(\"cpu\",\"*\")"));

        Assert.Equal(400, response.Status);
        Assert.Equal("""{"errors":{"params":{"start_time":["is required"],"resolution":["is required"]}}}""", response.Body);
    }

    [Fact]
    public async Task EmptyComposeIsRequired()
    {
        var response = await Api.GetAsync($"/v1/metrics?compose=&start_time={Now - 60}&resolution=60");

        Assert.Equal(ExpectedBodies.ParamError("compose", "is required"), response.Body);
    }

    [Fact]
    public async Task LegacyComposeTimeParametersAreChecked()
    {
        var text = await Api.GetAsync($"/v1/metrics?compose=x&start_time=soon&resolution=60");
        var order = await Api.GetAsync($"/v1/metrics?compose=x&start_time={Now}&end_time={Now - 60}&resolution=60");

        Assert.Equal(ExpectedBodies.ParamError("start_time", "is not a number"), text.Body);
        Assert.Equal(ExpectedBodies.ParamError("start_time", "must be before end_time"), order.Body);
    }

    [Fact]
    public async Task LegacyComposeOffersTheLegacyResolutionsOnly()
    {
        var response = await Api.GetAsync("/v1/metrics?" + Query("s(\"cpu\",\"*\")", Now - 600, resolution: 30));

        Assert.Equal(400, response.Status);
        Assert.Equal(
            """{"errors":{"request":"The requested data resolution is unavailable for the given time range. Please try a different resolution."}}""",
            response.Body);
    }

    [Fact]
    public async Task SyntaxErrorsAre400UnderCompose()
    {
        var response = await Api.GetAsync("/v1/metrics?" + Query("sum(s(\"cpu\",\"*\")", Now - 600));

        Assert.Equal(400, response.Status);
        Assert.Equal(
            ExpectedBodies.ParamError("compose", "syntax error: expected ',' or ')' but found the end of the definition at position 17"),
            response.Body);
    }

    [Fact]
    public async Task UnsupportedFunctionsAre400UnderCompose()
    {
        var legacy = await Api.GetAsync("/v1/metrics?" + Query("top(s(\"cpu\",\"*\"))", Now - 600));
        var tagged = await Api.GetAsync("/v1/measurements?" + Query("s(\"cpu\",\"*\",{function:\"derivative\"})", Now - 600));

        Assert.Equal(400, legacy.Status);
        Assert.StartsWith("""{"errors":{"params":{"compose":["unknown or unsupported function 'top' at position 1; supported functions: abs,""", legacy.Body);
        Assert.Equal(
            ExpectedBodies.ParamError("compose", "the function option of s() must be one of mean, sum, min, max, count at position 23"),
            tagged.Body);
    }

    [Fact]
    public async Task MetricListWithoutComposeStillPaginates()
    {
        await PostLegacy("cpu", "web-1", (Now - 60, 1));

        var response = await Api.GetAsync("/v1/metrics?length=1");

        Assert.Equal(1, response.Json.GetProperty("query").GetProperty("found").GetInt32());
        Assert.Equal("cpu", response.Json.GetProperty("metrics")[0].GetProperty("name").GetString());
    }

    [Fact]
    public async Task TaggedComposeAnswersAnObjectWithSeries()
    {
        long b = AlignedPast(60, 10);
        await PostTagged("""{"env":"prod","region":"us-east"}""", "req", (b, 1), (b + 60, 2));
        await PostTagged("""{"env":"prod","region":"us-west"}""", "req", (b, 3));
        await PostTagged("""{"env":"dev","region":"us-east"}""", "req", (b, 100));

        string compose = "s(\"req\",{\"env\":\"prod\",\"region\":\"us-*\"})";
        var response = await Api.GetAsync("/v1/measurements?" + Query(compose, b));

        Assert.Equal(200, response.Status);
        string metric = $$"""{"name":"req","type":"gauge","attributes":{{Attributes}},"period":null}""";
        Assert.Equal(
            $$"""{"compose":"s(\"req\",{\"env\":\"prod\",\"region\":\"us-*\"})","resolution":60,"series":[""" +
            $$"""{"tags":{"env":"prod","region":"us-east"},"measurements":[{"time":{{b}},"value":1},{"time":{{b + 60}},"value":2}],"metric":{{metric}},"period":60},""" +
            $$"""{"tags":{"env":"prod","region":"us-west"},"measurements":[{"time":{{b}},"value":3}],"metric":{{metric}},"period":60}],"links":[]}""",
            response.Body);
    }

    [Fact]
    public async Task TaggedComposeCombinesSeriesKeepingSharedTags()
    {
        long b = AlignedPast(120, 5);
        await PostTagged("""{"env":"prod","region":"us-east"}""", "req", (b, 1), (b + 60, 2));
        await PostTagged("""{"env":"prod","region":"us-west"}""", "req", (b, 3));

        var response = await Api.GetAsync("/v1/measurements?" + Query("scale(sum(s(\"req\",{env:\"prod\"})),{factor:\"10\"})", b, resolution: 120));

        // Each series is first summarized to its 120 s mean (1.5 and 3), then summed and scaled.
        var series = response.Json.GetProperty("series").EnumerateArray().Single();
        Assert.Equal("""{"env":"prod"}""", series.GetProperty("tags").GetRawText());
        Assert.Equal($$"""[{"time":{{b}},"value":45}]""", series.GetProperty("measurements").GetRawText());
        Assert.Equal(120, series.GetProperty("period").GetInt64());
    }

    [Fact]
    public async Task TaggedComposeValidatesItsParameters()
    {
        var missing = await Api.GetAsync("/v1/measurements");
        var resolution = await Api.GetAsync("/v1/measurements?" + Query("s(\"a\",\"*\")", Now - 60, resolution: 0));

        Assert.Equal(
            """{"errors":{"params":{"compose":["is required"],"start_time":["is required"],"resolution":["is required"]}}}""",
            missing.Body);
        Assert.Equal(ExpectedBodies.ParamError("resolution", "must be between 1 and 604800"), resolution.Body);
    }

    [Fact]
    public async Task ComposeRoutesNeedCredentials()
    {
        var response = await Fixture.Anonymous.GetAsync("/v1/measurements?" + Query("s(\"a\",\"*\")", Now - 60));

        Assert.Equal(401, response.Status);
    }

    [Fact]
    public async Task SavingACompositeChecksItsDefinition()
    {
        var syntax = await Api.PutJsonAsync("/v1/metrics/bad", """{"type":"composite","composite":"sum(s(\"cpu\",\"*\")"}""");
        var unknown = await Api.PutJsonAsync("/v1/metrics/bad", """{"type":"composite","composite":"percentile(s(\"cpu\",\"*\"))"}""");

        Assert.Equal(400, syntax.Status);
        Assert.Equal(
            ExpectedBodies.ParamError("composite", "syntax error: expected ',' or ')' but found the end of the definition at position 17"),
            syntax.Body);
        Assert.StartsWith("""{"errors":{"params":{"composite":["unknown or unsupported function 'percentile'""", unknown.Body);
        Assert.Null(State.GetMetric(EmulatorFixture.Email, "bad"));
    }

    [Fact]
    public async Task UpdatingACompositeChecksTheNewDefinition()
    {
        Assert.Equal(201, (await Api.PutJsonAsync("/v1/metrics/total", """{"type":"composite","composite":"sum(s(\"cpu\",\"*\"))"}""")).Status);

        var bad = await Api.PutJsonAsync("/v1/metrics/total", """{"composite":"sum(s(\"cpu\"))"}""");
        var good = await Api.PutJsonAsync("/v1/metrics/total", """{"composite":"max(s(\"cpu\",\"*\"))"}""");

        Assert.Equal(
            ExpectedBodies.ParamError("composite", "s() at position 5 takes 2 to 3 arguments but was given 1; usage: s(metric, source or {tag: pattern}, {function, period})"),
            bad.Body);
        Assert.Equal(204, good.Status);
        Assert.Equal("max(s(\"cpu\",\"*\"))", State.GetMetric(EmulatorFixture.Email, "total")!.Composite);
    }

    [Fact]
    public async Task ReadingASavedCompositeEvaluatesIt()
    {
        long b = AlignedPast(60, 10);
        await PostLegacy("cpu", "web-1", (b, 1), (b + 60, 3));
        await PostLegacy("cpu", "web-2", (b, 5));
        await Api.PutJsonAsync("/v1/metrics/cpu.total", """{"type":"composite","composite":"sum(s(\"cpu\",\"*\"))"}""");

        var metadata = await Api.GetAsync("/v1/metrics/cpu.total");
        var legacy = await Api.GetAsync($"/v1/metrics/cpu.total?start_time={b}&resolution=60");
        var tagged = await Api.GetAsync($"/v1/measurements/cpu.total?start_time={b}&resolution=60");

        string metric = $$"""{"name":"cpu.total","display_name":null,"description":null,"period":null,"type":"composite","source_lag":null,"attributes":{{Attributes}},"composite":"sum(s(\"cpu\",\"*\"))" """.TrimEnd();
        Assert.Equal(metric + "}", metadata.Body);
        Assert.Equal(
            metric + $$$""","resolution":60,"measurements":{"all":[{"measure_time":{{{b}}},"value":6},{"measure_time":{{{b + 60}}},"value":3}]}}""",
            legacy.Body);
        Assert.Equal(
            $$"""{"name":"cpu.total","resolution":60,"series":[{"tags":{"source":"all"},"measurements":[{"time":{{b}},"value":6},{"time":{{b + 60}},"value":3}]}],"links":[]}""",
            tagged.Body);
    }

    [Fact]
    public async Task ReadingASavedCompositeListsEachResultSeries()
    {
        long b = AlignedPast(60, 10);
        await PostLegacy("cpu", "web-1", (b, 1));
        await PostLegacy("mem", "web-1", (b, 2));
        await PostLegacy("cpu", "db-1", (b, 4));
        await Api.PutJsonAsync("/v1/metrics/both", """{"type":"composite","composite":"[s(\"cpu\",\"*\"), s(\"mem\",\"*\")]"}""");

        var all = await Api.GetAsync($"/v1/metrics/both?start_time={b}&resolution=60");
        var filtered = await Api.GetAsync($"/v1/metrics/both?start_time={b}&resolution=60&source=web*");
        var tagged = await Api.GetAsync($"/v1/measurements/both?start_time={b}&resolution=60&tags[source]=db*");

        Assert.Equal(
            $$"""{"db-1":[{"measure_time":{{b}},"value":4}],"web-1":[{"measure_time":{{b}},"value":1}],"web-1#2":[{"measure_time":{{b}},"value":2}]}""",
            all.Json.GetProperty("measurements").GetRawText());
        Assert.Equal(new[] { "web-1", "web-1#2" }, filtered.Json.GetProperty("measurements").EnumerateObject().Select(p => p.Name));
        Assert.Equal(
            $$"""[{"tags":{"source":"db-1"},"measurements":[{"time":{{b}},"value":4}]}]""",
            tagged.Json.GetProperty("series").GetRawText());
    }

    [Fact]
    public async Task ReadingASavedCompositeNeedsAStartTime()
    {
        await Api.PutJsonAsync("/v1/metrics/total", """{"type":"composite","composite":"sum(s(\"cpu\",\"*\"))"}""");

        var response = await Api.GetAsync("/v1/metrics/total?count=5");

        Assert.Equal(ExpectedBodies.ParamError("start_time", "is required to read a composite metric"), response.Body);
    }

    [Fact]
    public async Task CompositesCannotNestOtherComposites()
    {
        await Api.PutJsonAsync("/v1/metrics/inner", """{"type":"composite","composite":"sum(s(\"cpu\",\"*\"))"}""");
        await Api.PutJsonAsync("/v1/metrics/outer", """{"type":"composite","composite":"abs(s(\"inner\",\"*\"))"}""");

        var saved = await Api.GetAsync($"/v1/metrics/outer?start_time={Now - 600}&resolution=60");
        var adHoc = await Api.GetAsync("/v1/metrics?" + Query("s(\"inner\",\"*\")", Now - 600));

        Assert.Equal(ExpectedBodies.ParamError("composite", "'inner' is a composite metric, and composite metrics cannot be nested"), saved.Body);
        Assert.Equal(ExpectedBodies.ParamError("compose", "'inner' is a composite metric, and composite metrics cannot be nested"), adHoc.Body);
    }
}
