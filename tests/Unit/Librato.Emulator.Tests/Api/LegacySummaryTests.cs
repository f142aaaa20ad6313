using System.Collections.Generic;
using System.Linq;
using System.Text.Json;
using System.Threading.Tasks;
using Librato.Emulator.Tests.Support;
using Xunit;

namespace Librato.Emulator.Tests.Api;

public sealed class LegacySummaryTests : EmulatorTestBase
{
    public LegacySummaryTests(EmulatorFixture fixture)
        : base(fixture)
    {
    }

    private async Task Post(string kind, string name, string? source, params (long Time, double Value)[] points)
    {
        var response = await Api.PostJsonAsync("/v1/metrics", $$"""{"{{kind}}":[{{LegacyEntries.Of(name, source, points)}}]}""");
        Assert.Equal(200, response.Status);
    }

    /// <summary>Source a: 2 and 4 in the first minute, 6 in the second; source b: 10 then 20.</summary>
    private async Task<long> PostTwoSources()
    {
        long b = AlignedPast(60, 30);
        await Post("gauges", "m", "a", (b + 1, 2), (b + 2, 4), (b + 61, 6));
        await Post("gauges", "m", "b", (b + 5, 10), (b + 65, 20));
        return b;
    }

    private async Task<Dictionary<string, string[]>> Read(string query)
    {
        var response = await Api.GetAsync("/v1/metrics/" + query);
        Assert.Equal(200, response.Status);
        return response.Json.GetProperty("measurements").EnumerateObject()
            .ToDictionary(p => p.Name, p => p.Value.EnumerateArray().Select(e => e.GetRawText()).ToArray());
    }

    [Fact]
    public async Task SummarizeTimeGivesOneRecordPerSourceWithRollups()
    {
        long b = await PostTwoSources();

        var series = await Read($"m?start_time={b}&end_time={b + 119}&resolution=60&summarize_time=true");

        Assert.Equal(new[] { "a", "b" }, series.Keys);
        Assert.Equal($$"""{"measure_time":{{b}},"value":4,"count":3,"sum":12,"min":2,"max":6,"sum_squares":56,"rollups":2}""", series["a"].Single());
        Assert.Equal($$"""{"measure_time":{{b + 5}},"value":15,"count":2,"sum":30,"min":10,"max":20,"sum_squares":500,"rollups":2}""",
            (await Read($"m?start_time={b}&end_time={b + 119}&summarize_time=True"))["b"].Single());
        Assert.Equal(series["a"], (await Read($"m?start_time={b}&end_time={b + 119}&resolution=60&summarize_time"))["a"]);
    }

    [Fact]
    public async Task SummarizeSourcesAddsAnAllSeriesMergedAtEachTime()
    {
        long b = await PostTwoSources();

        var series = await Read($"m?start_time={b}&end_time={b + 119}&resolution=60&summarize_sources=true");

        Assert.Equal(new[] { "a", "b", "all" }, series.Keys);
        Assert.Equal(2, series["a"].Length);
        Assert.Equal(
            new[]
            {
                $$"""{"measure_time":{{b}},"value":5.333333333333333,"count":3,"sum":16,"min":2,"max":10,"sum_squares":120}""",
                $$"""{"measure_time":{{b + 60}},"value":13,"count":2,"sum":26,"min":6,"max":20,"sum_squares":436}""",
            },
            series["all"]);
    }

    [Fact]
    public async Task BreakoutSourcesFalseLeavesOnlyAll()
    {
        long b = await PostTwoSources();

        var explicitly = await Read($"m?start_time={b}&end_time={b + 119}&resolution=60&summarize_sources=true&breakout_sources=false");
        var implied = await Read($"m?start_time={b}&end_time={b + 119}&resolution=60&breakout_sources=false");

        Assert.Equal(new[] { "all" }, explicitly.Keys);
        Assert.Equal(explicitly["all"], implied["all"]);
        Assert.Equal(new[] { "all" }, implied.Keys);
    }

    [Fact]
    public async Task GroupByAppliesTheFunctionToEachStatisticAcrossSources()
    {
        long b = await PostTwoSources();

        var sum = await Read($"m?start_time={b}&end_time={b + 119}&resolution=60&group_by=sum");
        var max = await Read($"m?start_time={b}&end_time={b + 119}&resolution=60&group_by=max");
        var count = await Read($"m?start_time={b}&end_time={b + 119}&resolution=60&group_by=count");
        var mean = await Read($"m?start_time={b}&end_time={b + 59}&resolution=60&group_by=mean");
        var min = await Read($"m?start_time={b}&end_time={b + 59}&resolution=60&group_by=min");

        Assert.Equal(new[] { "all" }, sum.Keys);
        Assert.Equal(
            new[]
            {
                $$"""{"measure_time":{{b}},"value":13,"count":3,"sum":16,"min":12,"max":14,"sum_squares":120,"summarized":2}""",
                $$"""{"measure_time":{{b + 60}},"value":26,"count":2,"sum":26,"min":26,"max":26,"sum_squares":436,"summarized":2}""",
            },
            sum["all"]);
        Assert.Equal($$"""{"measure_time":{{b}},"value":10,"count":3,"sum":10,"min":10,"max":10,"sum_squares":100,"summarized":2}""", max["all"][0]);
        Assert.Equal($$"""{"measure_time":{{b}},"value":2,"count":3,"sum":2,"min":2,"max":2,"sum_squares":2,"summarized":2}""", count["all"][0]);
        Assert.Equal($$"""{"measure_time":{{b}},"value":6.5,"count":3,"sum":8,"min":6,"max":7,"sum_squares":60,"summarized":2}""", mean["all"].Single());
        Assert.Equal($$"""{"measure_time":{{b}},"value":3,"count":3,"sum":6,"min":2,"max":4,"sum_squares":20,"summarized":2}""", min["all"].Single());
    }

    [Fact]
    public async Task GroupByCanKeepTheBreakout()
    {
        long b = await PostTwoSources();

        var series = await Read($"m?start_time={b}&end_time={b + 119}&resolution=60&group_by=sum&breakout_sources=true");

        Assert.Equal(new[] { "a", "b", "all" }, series.Keys);
    }

    [Fact]
    public async Task SummarizingTimeAndSourcesGivesOneAllRecord()
    {
        long b = await PostTwoSources();

        var merged = await Read($"m?start_time={b}&end_time={b + 119}&resolution=60&summarize_time=1&summarize_sources=1");
        var grouped = await Read($"m?start_time={b}&end_time={b + 119}&resolution=60&summarize_time=true&group_by=mean");

        Assert.Equal(new[] { "a", "b", "all" }, merged.Keys);
        Assert.Equal($$"""{"measure_time":{{b}},"value":8.4,"count":5,"sum":42,"min":2,"max":20,"sum_squares":556,"rollups":4}""", merged["all"].Single());
        Assert.Equal(new[] { "all" }, grouped.Keys);
        Assert.Equal(
            $$"""{"measure_time":{{b}},"value":9.5,"count":5,"sum":21,"min":6,"max":13,"sum_squares":278,"rollups":4,"summarized":2}""",
            grouped["all"].Single());
    }

    [Fact]
    public async Task SourcesFilterWhatIsSummarized()
    {
        long b = await PostTwoSources();
        await Post("gauges", "m", null, (b + 3, 100));

        var filtered = await Read($"m?start_time={b}&end_time={b + 59}&resolution=60&sources[]=a&sources[]=b&group_by=max");
        var everything = await Read($"m?start_time={b}&end_time={b + 59}&resolution=60&group_by=max");

        Assert.Contains("\"value\":10,", filtered["all"].Single());
        Assert.Contains("\"summarized\":2", filtered["all"].Single());
        Assert.Contains("\"value\":100,", everything["all"].Single());
        Assert.Contains("\"summarized\":3", everything["all"].Single());
    }

    [Fact]
    public async Task CountersAreSummarizedAsTheirDeltas()
    {
        long b = Now - 600;
        await Post("counters", "c", "s", (b + 1, 10), (b + 2, 15), (b + 3, 15), (b + 4, 3), (b + 5, 8));

        var fromFirst = await Read($"c?start_time={b + 1}&end_time={b + 5}&summarize_time=true");
        var fromSecond = await Read($"c?start_time={b + 2}&end_time={b + 5}&summarize_time=true");
        var fromThird = await Read($"c?start_time={b + 3}&end_time={b + 5}&summarize_time=true");
        var bySources = await Read($"c?start_time={b + 1}&end_time={b + 5}&summarize_sources=true");

        Assert.Equal($$"""{"measure_time":{{b + 2}},"value":3.25,"count":4,"sum":13,"min":0,"max":5,"sum_squares":59,"rollups":4}""", fromFirst["s"].Single());
        Assert.Equal(fromFirst["s"], fromSecond["s"]);
        Assert.Contains("\"sum\":8,", fromThird["s"].Single());
        Assert.Equal(5, bySources["s"].Length);
        Assert.Equal(new[] { 5.0, 0, 3, 5 }, bySources["all"].Select(r => JsonDocument.Parse(r).RootElement.GetProperty("value").GetDouble()));
    }

    [Fact]
    public async Task TheAllSeriesIsCutWithTheSourcesWhenTheReadIsTruncated()
    {
        long b = Now - 5000;
        await Post("gauges", "m", "a", Enumerable.Range(0, 150).Select(i => (b + i, 1.0)).ToArray());

        var response = await Api.GetAsync($"/v1/metrics/m?start_time={b}&end_time={b + 1000}&summarize_sources=true");

        Assert.Equal(b + 100, response.Json.GetProperty("query").GetProperty("next_time").GetInt64());
        Assert.Equal(100, response.Json.GetProperty("measurements").GetProperty("all").GetArrayLength());
        Assert.Equal(100, response.Json.GetProperty("measurements").GetProperty("a").GetArrayLength());
    }

    [Fact]
    public async Task SummarizeTimeIsNeverTruncated()
    {
        long b = Now - 5000;
        await Post("gauges", "m", "a", Enumerable.Range(0, 150).Select(i => (b + i, 1.0)).ToArray());

        var response = await Api.GetAsync($"/v1/metrics/m?start_time={b}&end_time={b + 1000}&summarize_time=true");

        Assert.False(response.Json.TryGetProperty("query", out _));
        Assert.Contains("\"rollups\":150", response.Json.GetProperty("measurements").GetProperty("a")[0].GetRawText());
    }

    [Fact]
    public async Task WithCountTheAllSeriesHoldsTheLastRecordsToo()
    {
        long b = Now - 500;
        await Post("gauges", "m", "a", (b, 1), (b + 1, 2), (b + 2, 3));
        await Post("gauges", "m", "b", (b, 1), (b + 2, 3));

        var series = await Read("m?count=2&summarize_sources=true");

        Assert.Equal(new[] { b + 1, b + 2 }, series["all"].Select(r => JsonDocument.Parse(r).RootElement.GetProperty("measure_time").GetInt64()));
    }

    [Fact]
    public async Task NoDataMeansNoAllSeries()
    {
        long b = await PostTwoSources();

        var series = await Read($"m?start_time={b + 1000}&end_time={b + 2000}&summarize_sources=true&summarize_time=true");

        Assert.Empty(series);
    }

    [Theory]
    [InlineData("group_by=median", "group_by", "is not included in the list")]
    [InlineData("summarize_time=maybe", "summarize_time", "must be true or false")]
    [InlineData("summarize_sources=2", "summarize_sources", "must be true or false")]
    [InlineData("breakout_sources=no", "breakout_sources", "must be true or false")]
    public async Task InvalidSummaryParametersAre400(string parameter, string param, string message)
    {
        long b = await PostTwoSources();

        var response = await Api.GetAsync($"/v1/metrics/m?start_time={b}&{parameter}");

        Assert.Equal(400, response.Status);
        Assert.Equal(ExpectedBodies.ParamError(param, message), response.Body);
    }
}
