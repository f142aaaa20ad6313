using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading.Tasks;
using Librato.Emulator.Tests.Support;
using Xunit;

namespace Librato.Emulator.Tests.Api;

public sealed class TaggedReadTests : TaggedSeriesTestBase
{
    public TaggedReadTests(EmulatorFixture fixture)
        : base(fixture)
    {
    }

    [Fact]
    public async Task UnknownMetricIs404()
    {
        var response = await Api.GetAsync("/v1/measurements/nope?resolution=60&duration=60");

        Assert.Equal(404, response.Status);
        Assert.Equal("""{"errors":{"request":["Metric not found"]}}""", response.Body);
    }

    [Fact]
    public async Task ResponseHasNameResolutionSeriesAndLinks()
    {
        long b = AlignedPast(60, 20);
        await Post("""{"host":"web-1"}""", new[] { (b + 5, 2.0) }, "AWS.EC2.DiskWriteBytes");

        var response = await Api.GetAsync($"/v1/measurements/aws.ec2.diskwritebytes?resolution=60&start_time={b}");

        Assert.Equal(
            $$"""{"name":"AWS.EC2.DiskWriteBytes","resolution":60,"series":[{"tags":{"host":"web-1"},"measurements":[{"time":{{b}},"value":2}]}],"links":[]}""",
            response.Body);
    }

    [Fact]
    public async Task SeriesAreSortedByTagPairs()
    {
        long t = Now - 100;
        await Post("""{"region":"us-west","host":"b"}""", new[] { (t, 1.0) });
        await Post("""{"host":"a"}""", new[] { (t, 1.0) });
        await Post("""{"region":"eu","host":"b"}""", new[] { (t, 1.0) });
        await Post("""{"host":"a","az":"z"}""", new[] { (t, 1.0) });

        var series = Series(await Api.GetAsync($"/v1/measurements/m?resolution=1&start_time={t}"));

        Assert.Equal(new[] { "az=z,host=a", "host=a", "host=b,region=eu", "host=b,region=us-west" }, series.Select(TagsOf));
    }

    [Fact]
    public async Task SummaryFunctionsSummarizeEachBucket()
    {
        long b = AlignedPast(60, 20);
        await Post("""{"h":"a"}""", new[] { (b + 1, 5.0), (b + 2, 2.0), (b + 3, 8.0), (b + 61, 4.0) });

        async Task<double[]> Read(string function) =>
            Values(Series(await Api.GetAsync($"/v1/measurements/m?resolution=60&start_time={b}&end_time={b + 119}&summary_function={function}")).Single());

        Assert.Equal(new[] { 5.0, 4.0 }, await Read("mean"));
        Assert.Equal(new[] { 15.0, 4.0 }, await Read("sum"));
        Assert.Equal(new[] { 2.0, 4.0 }, await Read("min"));
        Assert.Equal(new[] { 8.0, 4.0 }, await Read("max"));
        Assert.Equal(new[] { 3.0, 1.0 }, await Read("count"));
    }

    [Fact]
    public async Task SummaryFunctionAllReturnsEveryStatistic()
    {
        long b = AlignedPast(60, 20);
        await Post("""{"h":"a"}""", new[] { (b + 1, 5.0), (b + 2, 2.0), (b + 3, 8.0) });

        var series = Series(await Api.GetAsync($"/v1/measurements/m?resolution=60&start_time={b}&summary_function=all")).Single();

        Assert.Equal(
            $$"""{"time":{{b}},"value":5,"count":3,"sum":15,"min":2,"max":8,"last":8}""",
            series.GetProperty("measurements")[0].GetRawText());
    }

    [Fact]
    public async Task DefaultSummaryIsTheMeanAndAnyPositiveResolutionWorks()
    {
        long b = AlignedPast(7, 100);
        await Post("""{"h":"a"}""", new[] { (b, 1.0), (b + 6, 3.0), (b + 7, 10.0) });

        var series = Series(await Api.GetAsync($"/v1/measurements/m?resolution=7&start_time={b}")).Single();

        Assert.Equal(new[] { b, b + 7 }, Times(series));
        Assert.Equal(new[] { 2.0, 10.0 }, Values(series));
    }

    [Fact]
    public async Task SummaryMeasurementsRollUpWithPlainOnes()
    {
        long b = AlignedPast(60, 20);
        var response = await Api.PostJsonAsync("/v1/measurements", $$"""
            {"tags":{"h":"a"},"measurements":[
              {"name":"m","count":3,"sum":30,"min":1,"max":20,"last":4,"time":{{b + 1}} },
              {"name":"m","value":6,"time":{{b + 2}} }]}
            """);
        Assert.Equal(202, response.Status);

        var point = Series(await Api.GetAsync($"/v1/measurements/m?resolution=60&start_time={b}&summary_function=all")).Single()
            .GetProperty("measurements")[0];

        Assert.Equal(
            $$"""{"time":{{b}},"value":9,"count":4,"sum":36,"min":1,"max":20,"last":6}""",
            point.GetRawText());
    }

    [Fact]
    public async Task TagFiltersCombineWithWildcardsOrAndAndNegation()
    {
        long t = Now - 100;
        await Post("""{"host":"web-1","region":"us-east"}""", new[] { (t, 1.0) });
        await Post("""{"host":"web-2","region":"us-west"}""", new[] { (t, 1.0) });
        await Post("""{"host":"db-1","region":"us-east"}""", new[] { (t, 1.0) });
        await Post("""{"region":"eu"}""", new[] { (t, 1.0) });

        async Task<string[]> Hosts(string filter) =>
            Series(await Api.GetAsync($"/v1/measurements/m?resolution=1&start_time={t}&{filter}")).Select(TagsOf).ToArray();

        Assert.Equal(new[] { "host=web-1,region=us-east", "host=web-2,region=us-west" }, await Hosts("tags[host]=web*"));
        Assert.Equal(new[] { "host=db-1,region=us-east", "host=web-2,region=us-west" }, await Hosts("tags[host]=db-1&tags[host]=web-2"));
        Assert.Equal(new[] { "host=web-1,region=us-east" }, await Hosts("tags[host]=web*&tags[region]=us-east"));
        Assert.Equal(new[] { "host=db-1,region=us-east" }, await Hosts("tags[host]=!web*"));
        Assert.Equal(new[] { "host=db-1,region=us-east", "host=web-1,region=us-east" }, await Hosts("tags[REGION]=US-EAST"));
        Assert.Empty(await Hosts("tags[host]=nothing*"));
        Assert.Equal(4, (await Hosts("unrelated=1")).Length);
    }

    [Fact]
    public async Task DurationAndEndTimeDefineTheWindow()
    {
        long b = Now - 1000;
        await Post("""{"h":"a"}""", Enumerable.Range(0, 10).Select(i => (b + i, (double)i)));

        async Task<long[]> Read(string window) =>
            Times(Series(await Api.GetAsync($"/v1/measurements/m?resolution=1&{window}")).Single());

        Assert.Equal(new[] { b + 5, b + 6, b + 7, b + 8, b + 9 }, await Read($"end_time={b + 9}&duration=4"));
        Assert.Equal(new[] { b + 2, b + 3, b + 4 }, await Read($"start_time={b + 2}&duration=2"));
        Assert.Equal(new[] { b + 2, b + 3 }, await Read($"start_time={b + 2}&end_time={b + 3}"));
        Assert.Equal(10, (await Read("duration=1200")).Length);
    }

    [Theory]
    [InlineData("duration=60", "resolution", "is required")]
    [InlineData("resolution=604801&duration=60", "resolution", "must be between 1 and 604800")]
    [InlineData("resolution=0&duration=60", "resolution", "must be between 1 and 604800")]
    [InlineData("resolution=x&duration=60", "resolution", "is not a number")]
    [InlineData("resolution=60", "start_time", "is required when duration is not given")]
    [InlineData("resolution=60&start_time=1&end_time=2&duration=1", "duration", "cannot be combined with both start_time and end_time")]
    [InlineData("resolution=60&duration=60&summary_function=median", "summary_function", "is not included in the list")]
    [InlineData("resolution=60&start_time=10&end_time=5", "start_time", "must be before end_time")]
    public async Task InvalidParametersAre400Params(string query, string param, string message)
    {
        await Post("""{"h":"a"}""", new[] { (Now - 10, 1.0) });

        var response = await Api.GetAsync("/v1/measurements/m?" + query);

        Assert.Equal(400, response.Status);
        Assert.Equal(ExpectedBodies.ParamError(param, message), response.Body);
    }

    [Fact]
    public async Task ResolutionOf604800IsAllowed()
    {
        await Post("""{"h":"a"}""", new[] { (Now - 10, 1.0) });

        var response = await Api.GetAsync("/v1/measurements/m?resolution=604800&duration=100");

        Assert.Equal(200, response.Status);
        Assert.Single(Series(response));
    }

    [Fact]
    public async Task TruncatedReadLinksToTheRestAndWalkingItReturnsEveryPointOnce()
    {
        long b = Now - 5000;
        await Post("""{"host":"a"}""", Enumerable.Range(0, 250).Select(i => (b + i, 1.0)));
        await Post("""{"host":"b"}""", Enumerable.Range(0, 120).Select(i => (b + (3 * i), 2.0)));
        await Post("""{"host":"c","skip":"me"}""", Enumerable.Range(0, 500).Select(i => (b + i, 3.0)));

        var first = await Api.GetAsync($"/v1/measurements/m?resolution=1&start_time={b}&end_time={b + 1000}&tags[host]=a&tags[host]=b");
        var firstSeries = Series(first);
        var link = first.Json.GetProperty("links").EnumerateArray().Single();
        string href = link.GetProperty("href").GetString()!;
        Assert.Equal("next", link.GetProperty("rel").GetString());
        Assert.StartsWith("/v1/measurements/m?", href, StringComparison.Ordinal);
        Assert.Contains($"start_time={b + 100}", href, StringComparison.Ordinal);
        Assert.Contains("resolution=1", href, StringComparison.Ordinal);
        Assert.Contains("tags[host]=a&tags[host]=b", href, StringComparison.Ordinal);
        Assert.Equal(100, Times(firstSeries[0]).Length);
        Assert.All(firstSeries.SelectMany(Times), time => Assert.True(time < b + 100));

        var seen = new List<(string, long)>();
        string? next = $"/v1/measurements/m?resolution=1&start_time={b}&end_time={b + 1000}&tags[host]=a&tags[host]=b";
        int pages = 0;
        while (next is not null)
        {
            var page = await Api.GetAsync(next);
            pages++;
            foreach (var series in Series(page))
            {
                seen.AddRange(Times(series).Select(t => (TagsOf(series), t)));
            }

            var links = page.Json.GetProperty("links").EnumerateArray().ToArray();
            next = links.Length == 0 ? null : links.Single(l => l.GetProperty("rel").GetString() == "next").GetProperty("href").GetString();
            Assert.True(pages < 20);
        }

        Assert.True(pages >= 3);
        Assert.Equal(250 + 120, seen.Count);
        Assert.Equal(seen.Count, seen.Distinct().Count());
    }

    [Fact]
    public async Task ContinuationOfADurationQueryKeepsTheOriginalWindow()
    {
        long b = Now - 300;
        await Post("""{"h":"a"}""", Enumerable.Range(0, 150).Select(i => (b + i, 1.0)));

        var first = await Api.GetAsync("/v1/measurements/m?resolution=1&duration=600");
        string href = first.Json.GetProperty("links")[0].GetProperty("href").GetString()!;
        var second = await Api.GetAsync(href);

        Assert.DoesNotContain("duration", href, StringComparison.Ordinal);
        Assert.Contains("end_time=", href, StringComparison.Ordinal);
        Assert.Equal(100, Times(Series(first).Single()).Length);
        Assert.Equal(50, Times(Series(second).Single()).Length);
        Assert.Empty(second.Json.GetProperty("links").EnumerateArray());
    }
}
