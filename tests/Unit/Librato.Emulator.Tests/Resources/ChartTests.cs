using System.Linq;
using System.Text.Json;
using System.Threading.Tasks;
using Librato.Emulator.Tests.Support;
using Xunit;

namespace Librato.Emulator.Tests.Resources;

public sealed class ChartTests : EmulatorTestBase
{
    public ChartTests(EmulatorFixture fixture)
        : base(fixture)
    {
    }

    private async Task<long> Space()
    {
        var response = await Api.PostJsonAsync("/v1/spaces", """{"name":"Charts"}""");
        return response.Id();
    }

    private Task<ApiResponse> Create(long space, string json) => Api.PostJsonAsync($"/v1/spaces/{space}/charts", json);

    private static long StreamId(JsonElement chart, int index) => chart.GetProperty("streams")[index].GetProperty("id").GetInt64();

    [Fact]
    public async Task CreateIs201WithTheChartAndTheSpaceAsLocation()
    {
        long space = await Space();

        var response = await Create(space, """
            {"type":"line","name":"CPU Usage","streams":[
              {"metric":"librato.cpu.percent.idle","tags":[{"name":"environment","values":["*"]}]},
              {"metric":"librato.cpu.percent.user","tags":[{"name":"environment","values":["prod"]}]}]}
            """);

        Assert.Equal(201, response.Status);
        Assert.Equal("/v1/spaces/" + space, response.Location());
        var chart = response.Json;
        long id = chart.GetProperty("id").GetInt64();
        Assert.Equal(
            $$"""
            {"id":{{id}},"name":"CPU Usage","type":"line","streams":[
            {"id":{{StreamId(chart, 0)}},"metric":"librato.cpu.percent.idle","type":"gauge","tags":[{"name":"environment","values":["*"]}]},
            {"id":{{StreamId(chart, 1)}},"metric":"librato.cpu.percent.user","type":"gauge","tags":[{"name":"environment","values":["prod"]}]}],
            "thresholds":null}
            """.Replace("\n", "").Replace("\r", ""),
            response.Body);
        Assert.Equal(response.Body, (await Api.GetAsync($"/v1/spaces/{space}/charts/{id}")).Body);
    }

    [Fact]
    public async Task EveryDocumentedFieldIsKept()
    {
        long space = await Space();
        long related = (await Api.PostJsonAsync("/v1/spaces", """{"name":"Related"}""")).Id();
        string json = $$"""
            {"name":"All","type":"bignumber","min":0,"max":105,"label":"ms","related_space":{{related}},"use_log_yaxis":true,"use_last_value":true,
             "thresholds":[{"operator":">","value":90,"type":"red"}],
             "streams":[{"metric":"latency","source":"us-west-*-app","summary_function":"max","group_function":"breakout","color":"#52D74C",
                         "name":"Latency","units_short":"ms","units_long":"milliseconds","min":0,"max":100,"period":60,
                         "transform_function":"(x - 32) * 5 / 9","split_axis":true,"gap_detection":false,"position":2},
                        {"metric":"cpu","tags":[{"name":"host","values":["%"],"dynamic":true},{"name":"env","values":["prod"],"grouped":true}]},
                        {"composite":"sum(s(\"cpu\", \"*\"))","downsample_function":"sum"}]}
            """;

        var response = await Create(space, json);

        Assert.Equal(201, response.Status);
        var chart = response.Json;
        long id = chart.GetProperty("id").GetInt64();
        Assert.Equal(
            $$"""
            {"id":{{id}},"name":"All","type":"bignumber","streams":[
            {"id":{{StreamId(chart, 0)}},"metric":"latency","type":"gauge","source":"us-west-*-app","group_function":"breakout","summary_function":"max",
            "color":"#52D74C","name":"Latency","units_short":"ms","units_long":"milliseconds","min":0,"max":100,"period":60,
            "transform_function":"(x - 32) * 5 / 9","split_axis":true,"gap_detection":false,"position":2},
            {"id":{{StreamId(chart, 1)}},"metric":"cpu","type":"gauge","tags":[{"name":"host","values":["%"],"dynamic":true},{"name":"env","values":["prod"],"grouped":true}]},
            {"id":{{StreamId(chart, 2)}},"composite":"sum(s(\"cpu\", \"*\"))","type":"composite","downsample_function":"sum"}],
            "min":0,"max":105,"label":"ms","related_space":{{related}},"use_log_yaxis":true,"use_last_value":true,
            "thresholds":[{"operator":">","value":90,"type":"red"}]}
            """.Replace("\n", "").Replace("\r", ""),
            response.Body);
    }

    [Fact]
    public async Task StreamTypesComeFromTheMetrics()
    {
        long space = await Space();
        await Api.PostJsonAsync("/v1/metrics", $$"""{"counters":[{"name":"hits","value":1,"measure_time":{{Now}} }]}""");

        var response = await Create(space, """{"name":"c","streams":[{"metric":"hits","source":"*"}]}""");

        Assert.Equal("counter", response.Json.GetProperty("streams")[0].GetProperty("type").GetString());
    }

    [Fact]
    public async Task TypeDefaultsToLine()
    {
        long space = await Space();

        var response = await Create(space, """{"name":"c"}""");

        Assert.Equal("line", response.Json.GetProperty("type").GetString());
        Assert.Equal("[]", response.Json.GetProperty("streams").GetRawText());
    }

    [Fact]
    public async Task CreateAcceptsFormFields()
    {
        long space = await Space();

        var response = await Api.PostFormAsync($"/v1/spaces/{space}/charts",
            "name=Form&type=stacked&streams[0][metric]=cpu&streams[0][source]=*&streams[0][min]=1.5&streams[1][metric]=mem");

        Assert.Equal(201, response.Status);
        Assert.Equal("stacked", response.Json.GetProperty("type").GetString());
        Assert.Equal(2, response.Json.GetProperty("streams").GetArrayLength());
        Assert.Equal(1.5, response.Json.GetProperty("streams")[0].GetProperty("min").GetDouble());
    }

    [Theory]
    [InlineData("""{}""", """{"name":["is not present"]}""")]
    [InlineData("""{"name":"c","type":"pie"}""", """{"type":["is not included in the list"]}""")]
    [InlineData("""{"name":"c","streams":{}}""", """{"streams":["must be an array"]}""")]
    [InlineData("""{"name":"c","streams":[{}]}""", """{"streams":["streams[0] metric is not present (a stream needs a metric or a composite)"]}""")]
    [InlineData("""{"name":"c","streams":[{"metric":"bad metric"}]}""", """{"streams":["streams[0] metric is invalid"]}""")]
    [InlineData("""{"name":"c","streams":[{"composite":"s(\"a\",\"*\")","metric":"a"}]}""", """{"streams":["streams[0] composite cannot be combined with metric, source, tags or group_function"]}""")]
    [InlineData("""{"name":"c","streams":[{"composite":"s(\"a\",\"*\")","source":"*"}]}""", """{"streams":["streams[0] composite cannot be combined with metric, source, tags or group_function"]}""")]
    [InlineData("""{"name":"c","streams":[{"composite":"s(\"a\",\"*\")","tags":[{"name":"a","values":["b"]}]}]}""", """{"streams":["streams[0] composite cannot be combined with metric, source, tags or group_function"]}""")]
    [InlineData("""{"name":"c","streams":[{"composite":"s(\"a\",\"*\")","group_function":"sum"}]}""", """{"streams":["streams[0] composite cannot be combined with metric, source, tags or group_function"]}""")]
    [InlineData("""{"name":"c","streams":[{"metric":"a","group_function":"median"}]}""", """{"streams":["streams[0] group_function is not included in the list"]}""")]
    [InlineData("""{"name":"c","streams":[{"metric":"a","summary_function":"breakout"}]}""", """{"streams":["streams[0] summary_function is not included in the list"]}""")]
    [InlineData("""{"name":"c","streams":[{"metric":"a","downsample_function":"sum"}]}""", """{"streams":["streams[0] downsample_function is only valid for a composite stream"]}""")]
    [InlineData("""{"name":"c","streams":[{"metric":"a","color":"red"}]}""", """{"streams":["streams[0] color must be a 7-character hex color such as #52D74C"]}""")]
    [InlineData("""{"name":"c","streams":[{"metric":"a","transform_function":"Math.log(x)"}]}""", """{"streams":["streams[0] transform_function may only contain digits, x, p, parentheses, spaces and + - * / . ,"]}""")]
    [InlineData("""{"name":"c","streams":[{"metric":"a","period":0}]}""", """{"streams":["streams[0] period must be greater than 0"]}""")]
    [InlineData("""{"name":"c","streams":[{"metric":"a","min":"low"}]}""", """{"streams":["streams[0] min is not a number"]}""")]
    [InlineData("""{"name":"c","streams":[{"metric":"a","split_axis":"perhaps"}]}""", """{"streams":["streams[0] split_axis must be true or false"]}""")]
    [InlineData("""{"name":"c","streams":[{"metric":"a","tags":[{"name":"env","values":[]}]}]}""", """{"streams":["streams[0] tags 'env' needs at least one value"]}""")]
    [InlineData("""{"name":"c","streams":[{"metric":"a"},{"metric":"b","color":"#12345"}]}""", """{"streams":["streams[1] color must be a 7-character hex color such as #52D74C"]}""")]
    [InlineData("""{"name":"c","min":"x"}""", """{"min":["is not a number"]}""")]
    [InlineData("""{"name":"c","use_log_yaxis":"yes please"}""", """{"use_log_yaxis":["must be true or false"]}""")]
    [InlineData("""{"name":"c","related_space":424242}""", """{"related_space":["does not exist"]}""")]
    [InlineData("""{"name":"c","thresholds":[{"operator":"~","value":1,"type":"red"}]}""", """{"thresholds":["thresholds[0] operator is not included in the list"]}""")]
    [InlineData("""{"name":"c","thresholds":[{"operator":">","type":"red"}]}""", """{"thresholds":["thresholds[0] value is not present"]}""")]
    public async Task InvalidChartsAre400(string json, string expectedParams)
    {
        long space = await Space();

        var response = await Create(space, json);

        Assert.Equal(400, response.Status);
        Assert.Equal("{\"errors\":{\"params\":" + expectedParams + "}}", response.Body);
        Assert.Equal("[]", (await Api.GetAsync($"/v1/spaces/{space}/charts")).Body);
    }

    [Fact]
    public async Task ListIsABareArray()
    {
        long space = await Space();
        await Create(space, """{"name":"one"}""");
        await Create(space, """{"name":"two"}""");

        var response = await Api.GetAsync($"/v1/spaces/{space}/charts");

        Assert.Equal(200, response.Status);
        Assert.Equal(JsonValueKind.Array, response.Json.ValueKind);
        Assert.Equal(new[] { "one", "two" }, response.Json.EnumerateArray().Select(c => c.GetProperty("name").GetString()));
    }

    [Fact]
    public async Task PutAnswers200WithTheChartAndKeepsStreamsWhenNoneAreSent()
    {
        long space = await Space();
        var created = (await Create(space, """{"name":"CPU","streams":[{"metric":"cpu","source":"*"}],"label":"pct"}""")).Json;
        long id = created.GetProperty("id").GetInt64();

        var response = await Api.PutJsonAsync($"/v1/spaces/{space}/charts/{id}", """{"type":"stacked","name":"Temperature"}""");

        Assert.Equal(200, response.Status);
        Assert.Equal("Temperature", response.Json.GetProperty("name").GetString());
        Assert.Equal("stacked", response.Json.GetProperty("type").GetString());
        Assert.Equal("pct", response.Json.GetProperty("label").GetString());
        Assert.Equal(created.GetProperty("streams").GetRawText(), response.Json.GetProperty("streams").GetRawText());
        Assert.Equal(response.Body, (await Api.GetAsync($"/v1/spaces/{space}/charts/{id}")).Body);
    }

    [Fact]
    public async Task PutWithStreamsReplacesThem()
    {
        long space = await Space();
        var created = (await Create(space, """{"name":"c","streams":[{"metric":"a"},{"metric":"b"}]}""")).Json;
        long id = created.GetProperty("id").GetInt64();
        long kept = StreamId(created, 1);

        var response = await Api.PutJsonAsync($"/v1/spaces/{space}/charts/{id}", $$"""
            {"streams":[{"id":{{kept}},"type":"gauge","metric":"b","color":"#000000"},
                        {"composite":"divide([sum(s(\"a\",\"*\")),sum(s(\"b\",\"*\"))])"}]}
            """);

        var streams = response.Json.GetProperty("streams");
        Assert.Equal(2, streams.GetArrayLength());
        Assert.Equal(kept, streams[0].GetProperty("id").GetInt64());
        Assert.Equal("#000000", streams[0].GetProperty("color").GetString());
        Assert.Equal("composite", streams[1].GetProperty("type").GetString());
        Assert.DoesNotContain(StreamId(created, 0), streams.EnumerateArray().Select(s => s.GetProperty("id").GetInt64()));
    }

    [Fact]
    public async Task PutValidatesAndChangesNothingWhenInvalid()
    {
        long space = await Space();
        long id = (await Create(space, """{"name":"c","streams":[{"metric":"a"}]}""")).Id();

        var response = await Api.PutJsonAsync($"/v1/spaces/{space}/charts/{id}", """{"name":"renamed","streams":[{"metric":"a","source":"*","composite":"x"}]}""");

        Assert.Equal(400, response.Status);
        Assert.Equal("c", (await Api.GetAsync($"/v1/spaces/{space}/charts/{id}")).Json.GetProperty("name").GetString());
    }

    [Fact]
    public async Task ChartsAreFoundOnlyInTheirOwnSpace()
    {
        long space = await Space();
        long other = await Space();
        long id = (await Create(space, """{"name":"c"}""")).Id();

        var wrongSpace = await Api.GetAsync($"/v1/spaces/{other}/charts/{id}");
        var unknown = await Api.GetAsync($"/v1/spaces/{space}/charts/424242");

        Assert.Equal("""{"errors":{"request":["Chart not found"]}}""", wrongSpace.Body);
        Assert.Equal(404, unknown.Status);
        Assert.Equal(404, (await Api.PutJsonAsync($"/v1/spaces/{other}/charts/{id}", """{"name":"x"}""")).Status);
        Assert.Equal(404, (await Api.DeleteAsync($"/v1/spaces/{other}/charts/{id}")).Status);
        Assert.Equal("""{"errors":{"request":["Space not found"]}}""", (await Api.GetAsync($"/v1/spaces/424242/charts/{id}")).Body);
    }

    [Fact]
    public async Task DeleteIs204()
    {
        long space = await Space();
        long id = (await Create(space, """{"name":"c"}""")).Id();

        Assert.Equal(204, (await Api.DeleteAsync($"/v1/spaces/{space}/charts/{id}")).Status);
        Assert.Equal(404, (await Api.GetAsync($"/v1/spaces/{space}/charts/{id}")).Status);
        Assert.Equal("[]", (await Api.GetAsync($"/v1/spaces/{space}/charts")).Body);
    }
}
