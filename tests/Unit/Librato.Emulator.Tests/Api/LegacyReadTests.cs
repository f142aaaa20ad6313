using System.Collections.Generic;
using System.Linq;
using System.Text.Json;
using System.Threading.Tasks;
using Librato.Emulator.Tests.Support;
using Xunit;

namespace Librato.Emulator.Tests.Api;

public sealed class LegacyReadTests : EmulatorTestBase
{
    public LegacyReadTests(EmulatorFixture fixture)
        : base(fixture)
    {
    }

    private async Task Post(string gaugesJson)
    {
        var response = await Api.PostJsonAsync("/v1/metrics", $$"""{"gauges":[{{gaugesJson}}]}""");
        Assert.Equal(200, response.Status);
    }

    private Task PostValues(string name, string? source, IEnumerable<(long Time, double Value)> points) =>
        Post(LegacyEntries.Of(name, source, points));

    private static Dictionary<string, JsonElement[]> Measurements(ApiResponse response)
    {
        Assert.Equal(200, response.Status);
        return response.Json.GetProperty("measurements").EnumerateObject()
            .ToDictionary(p => p.Name, p => p.Value.EnumerateArray().ToArray());
    }

    private static long[] Times(JsonElement[] points) => points.Select(p => p.GetProperty("measure_time").GetInt64()).ToArray();

    [Fact]
    public async Task PlainValuePointHasEveryField()
    {
        long t = Now - 100;
        await PostValues("m", "web1", new[] { (t, 3.0) });

        var response = await Api.GetAsync($"/v1/metrics/m?start_time={t - 10}");

        Assert.Equal(1, response.Json.GetProperty("resolution").GetInt32());
        Assert.Equal("gauge", response.Json.GetProperty("type").GetString());
        var point = Measurements(response)["web1"].Single();
        Assert.Equal($$"""{"measure_time":{{t}},"value":3,"count":1,"sum":3,"min":3,"max":3,"sum_squares":9}""", point.GetRawText());
    }

    [Fact]
    public async Task SummaryPointValueIsSumOverCount()
    {
        long t = Now - 100;
        await Post($$"""{"name":"s","count":4,"sum":10,"min":1,"max":4,"sum_squares":30,"measure_time":{{t}} }""");

        var point = Measurements(await Api.GetAsync($"/v1/metrics/s?start_time={t}"))["unassigned"].Single();

        Assert.Equal(2.5, point.GetProperty("value").GetDouble());
        Assert.Equal(4, point.GetProperty("count").GetInt64());
        Assert.Equal(30, point.GetProperty("sum_squares").GetDouble());
    }

    [Fact]
    public async Task SourcesAreListedByNameWithUnassignedForPointsWithoutSource()
    {
        long t = Now - 50;
        await PostValues("m", "web2", new[] { (t, 1.0) });
        await PostValues("m", "db1", new[] { (t, 2.0) });
        await PostValues("m", null, new[] { (t, 3.0) });
        await PostValues("m", "Web1", new[] { (t, 4.0), (t - 5, 5.0) });

        var response = await Api.GetAsync($"/v1/metrics/m?start_time={t - 60}");

        Assert.Equal(new[] { "db1", "unassigned", "Web1", "web2" }, response.Json.GetProperty("measurements").EnumerateObject().Select(p => p.Name));
        Assert.Equal(new[] { t - 5, t }, Times(Measurements(response)["Web1"]));
    }

    [Fact]
    public async Task SourceWildcardAndSourceListFilter()
    {
        long t = Now - 50;
        foreach (var source in new[] { "web1", "web2", "db1" })
        {
            await PostValues("m", source, new[] { (t, 1.0) });
        }

        await PostValues("m", null, new[] { (t, 1.0) });

        var wildcard = Measurements(await Api.GetAsync($"/v1/metrics/m?start_time={t}&source=WEB*"));
        var list = Measurements(await Api.GetAsync($"/v1/metrics/m?start_time={t}&sources[]=db1&sources[]=web2"));
        var everything = Measurements(await Api.GetAsync($"/v1/metrics/m?start_time={t}&source=*"));
        var single = Measurements(await Api.GetAsync($"/v1/metrics/m?start_time={t}&source=db1"));

        Assert.Equal(new[] { "web1", "web2" }, wildcard.Keys.OrderBy(k => k));
        Assert.Equal(new[] { "db1", "web2" }, list.Keys.OrderBy(k => k));
        Assert.Equal(new[] { "db1", "unassigned", "web1", "web2" }, everything.Keys.OrderBy(k => k));
        Assert.Equal(new[] { "db1" }, single.Keys);
    }

    [Fact]
    public async Task RollupAddsCountsAndSumsAndKeepsExtremes()
    {
        long b = AlignedPast(60, 30);
        await Post($$"""
            {"name":"r","value":3,"measure_time":{{b}} },
            {"name":"r","value":1,"measure_time":{{b + 10}} },
            {"name":"r","count":2,"sum":10,"min":4,"max":6,"sum_squares":52,"measure_time":{{b + 59}} },
            {"name":"r","value":7,"measure_time":{{b + 60}} }
            """);

        var points = Measurements(await Api.GetAsync($"/v1/metrics/r?start_time={b}&end_time={b + 200}&resolution=60"))["unassigned"];

        Assert.Equal(2, points.Length);
        Assert.Equal(
            $$"""{"measure_time":{{b}},"value":3.5,"count":4,"sum":14,"min":1,"max":6,"sum_squares":62}""",
            points[0].GetRawText());
        Assert.Equal(
            $$"""{"measure_time":{{b + 60}},"value":7,"count":1,"sum":7,"min":7,"max":7,"sum_squares":49}""",
            points[1].GetRawText());
    }

    [Theory]
    [InlineData(900)]
    [InlineData(3600)]
    [InlineData(86400)]
    public async Task EveryDocumentedResolutionFloorsTimesToItsBuckets(long resolution)
    {
        long b = AlignedPast(86400, 2);
        await PostValues("m", null, new[] { (b + 1, 1.0), (b + 2, 2.0) });

        var response = await Api.GetAsync($"/v1/metrics/m?start_time={b}&resolution={resolution}");

        var point = Measurements(response)["unassigned"].Single();
        Assert.Equal(resolution, response.Json.GetProperty("resolution").GetInt64());
        Assert.Equal(b, point.GetProperty("measure_time").GetInt64());
        Assert.Equal(2, point.GetProperty("count").GetInt64());
    }

    [Theory]
    [InlineData("120")]
    [InlineData("0")]
    [InlineData("604800")]
    public async Task UnavailableResolutionIs400WithAStringMessage(string resolution)
    {
        await PostValues("m", null, new[] { (Now - 10, 1.0) });

        var response = await Api.GetAsync($"/v1/metrics/m?start_time={Now - 100}&resolution={resolution}");

        Assert.Equal(400, response.Status);
        Assert.Equal(
            """{"errors":{"request":"The requested data resolution is unavailable for the given time range. Please try a different resolution."}}""",
            response.Body);
    }

    [Fact]
    public async Task CountWithStartTimeTakesTheFirstPointsAtOrAfterIt()
    {
        long b = Now - 1000;
        await PostValues("m", "s", Enumerable.Range(0, 10).Select(i => (b + i, (double)i)));

        var points = Measurements(await Api.GetAsync($"/v1/metrics/m?start_time={b + 3}&count=2"))["s"];

        Assert.Equal(new[] { b + 3, b + 4 }, Times(points));
    }

    [Fact]
    public async Task CountWithoutStartTimeTakesTheLastPointsBeforeTheEnd()
    {
        long b = Now - 1000;
        await PostValues("m", "s", Enumerable.Range(0, 10).Select(i => (b + i, (double)i)));

        var latest = Measurements(await Api.GetAsync("/v1/metrics/m?count=3"))["s"];
        var beforeEnd = Measurements(await Api.GetAsync($"/v1/metrics/m?count=3&end_time={b + 5}"))["s"];

        Assert.Equal(new[] { b + 7, b + 8, b + 9 }, Times(latest));
        Assert.Equal(new[] { b + 3, b + 4, b + 5 }, Times(beforeEnd));
    }

    [Fact]
    public async Task DurationCountsBackFromTheEnd()
    {
        long b = Now - 1000;
        await PostValues("m", "s", Enumerable.Range(0, 10).Select(i => (b + i, (double)i)));

        var points = Measurements(await Api.GetAsync($"/v1/metrics/m?end_time={b + 9}&duration=4"))["s"];

        Assert.Equal(new[] { b + 5, b + 6, b + 7, b + 8, b + 9 }, Times(points));
    }

    [Fact]
    public async Task CountAboveTheTruncationLimitReturnsThatManyWithoutNextTime()
    {
        long b = Now - 5000;
        await PostValues("m", "s", Enumerable.Range(0, 250).Select(i => (b + i, 1.0)));

        var response = await Api.GetAsync($"/v1/metrics/m?start_time={b}&count=150");

        Assert.Equal(150, Measurements(response)["s"].Length);
        Assert.False(response.Json.TryGetProperty("query", out _));
    }

    [Fact]
    public async Task TruncatedReadSetsNextTimeAndCutsEverySourceAtIt()
    {
        long b = Now - 5000;
        await PostValues("m", "a", Enumerable.Range(0, 250).Select(i => (b + i, 1.0)));
        await PostValues("m", "b", Enumerable.Range(0, 120).Select(i => (b + (3 * i), 2.0)));

        var response = await Api.GetAsync($"/v1/metrics/m?start_time={b}&end_time={b + 1000}");

        var measurements = Measurements(response);
        Assert.Equal(b + 100, response.Json.GetProperty("query").GetProperty("next_time").GetInt64());
        Assert.Equal(100, measurements["a"].Length);
        Assert.Equal(34, measurements["b"].Length);
        Assert.All(measurements.Values.SelectMany(Times), time => Assert.True(time < b + 100));
    }

    [Fact]
    public async Task FollowingNextTimeReturnsEveryPointExactlyOnce()
    {
        long b = Now - 5000;
        await PostValues("m", "a", Enumerable.Range(0, 250).Select(i => (b + i, 1.0)));
        await PostValues("m", "b", Enumerable.Range(0, 120).Select(i => (b + (3 * i), 2.0)));
        await PostValues("m", null, Enumerable.Range(0, 130).Select(i => (b + (2 * i) + 1, 3.0)));

        var seen = new List<(string, long)>();
        long start = b;
        int pages = 0;
        while (true)
        {
            var response = await Api.GetAsync($"/v1/metrics/m?start_time={start}&end_time={b + 1000}");
            pages++;
            foreach (var (source, points) in Measurements(response))
            {
                seen.AddRange(Times(points).Select(t => (source, t)));
            }

            if (!response.Json.TryGetProperty("query", out var query))
            {
                break;
            }

            long next = query.GetProperty("next_time").GetInt64();
            Assert.True(next > start);
            start = next;
        }

        Assert.True(pages >= 3);
        Assert.Equal(250 + 120 + 130, seen.Count);
        Assert.Equal(seen.Count, seen.Distinct().Count());
    }

    [Fact]
    public async Task FollowingNextTimeWithRollupCoversEveryBucketOnce()
    {
        long b = AlignedPast(60, 300);
        await PostValues("m", "s", Enumerable.Range(0, 250).Select(i => (b + (i * 60) + 7, 1.0)));
        await PostValues("m", "s", Enumerable.Range(0, 250).Select(i => (b + (i * 60) + 31, 1.0)));

        long start = b;
        long total = 0;
        var buckets = new List<long>();
        while (true)
        {
            var response = await Api.GetAsync($"/v1/metrics/m?start_time={start}&end_time={b + 20000}&resolution=60");
            foreach (var point in Measurements(response)["s"])
            {
                buckets.Add(point.GetProperty("measure_time").GetInt64());
                total += point.GetProperty("count").GetInt64();
            }

            if (!response.Json.TryGetProperty("query", out var query))
            {
                break;
            }

            start = query.GetProperty("next_time").GetInt64();
        }

        Assert.Equal(250, buckets.Count);
        Assert.Equal(buckets.Count, buckets.Distinct().Count());
        Assert.Equal(500, total);
    }

    [Theory]
    [InlineData("start_time=abc", "start_time", "is not a number")]
    [InlineData("start_time=1&count=0", "count", "must be greater than 0")]
    [InlineData("start_time=200&end_time=100", "start_time", "must be before end_time")]
    public async Task InvalidReadParametersAre400Params(string query, string param, string message)
    {
        await PostValues("m", null, new[] { (Now - 10, 1.0) });

        var response = await Api.GetAsync("/v1/metrics/m?" + query);

        Assert.Equal(400, response.Status);
        Assert.Equal(ExpectedBodies.ParamError(param, message), response.Body);
    }
}
