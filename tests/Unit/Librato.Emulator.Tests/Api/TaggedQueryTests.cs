using System;
using System.Collections.Generic;
using System.Linq;
using System.Text.Json;
using System.Threading.Tasks;
using Librato.Emulator.Tests.Support;
using Xunit;

namespace Librato.Emulator.Tests.Api;

public sealed class TaggedQueryTests : TaggedSeriesTestBase
{
    public TaggedQueryTests(EmulatorFixture fixture)
        : base(fixture)
    {
    }

    /// <summary>The five streams of the API documentation's tag negation example, numbered by their value.</summary>
    private async Task<long> PostDocumentedStreams()
    {
        long t = Now - 100;
        await Post("""{"region":"us-east","host":"db-1-prod"}""", new[] { (t, 1.0) });
        await Post("""{"region":"us-east","host":"db-2-prod"}""", new[] { (t, 2.0) });
        await Post("""{"region":"us-west","host":"db-3-prod"}""", new[] { (t, 3.0) });
        await Post("""{"region":"us-west","host":"db-stg"}""", new[] { (t, 4.0) });
        await Post("""{"region":"us-east","name":"bubbles"}""", new[] { (t, 5.0) });
        return t;
    }

    private async Task<double[]> Streams(long t, string filter)
    {
        var response = await Api.GetAsync($"/v1/measurements/m?resolution=1&start_time={t}&{filter}");
        return Series(response).Select(s => Values(s).Single()).OrderBy(v => v).ToArray();
    }

    [Theory]
    [InlineData("tags[region]=!us-east", new[] { 3.0, 4.0 })]
    [InlineData("tags[host]=!db*prod", new[] { 4.0 })]
    [InlineData("tags[!host]=1", new[] { 5.0 })]
    [InlineData("tags[!name]=1", new[] { 1.0, 2.0, 3.0, 4.0 })]
    [InlineData("tags[!host]=1&tags[host]=!db*prod", new[] { 4.0, 5.0 })]
    [InlineData("tags[host]=*", new[] { 1.0, 2.0, 3.0, 4.0 })]
    [InlineData("tags=*", new[] { 1.0, 2.0, 3.0, 4.0, 5.0 })]
    public async Task TagFiltersFollowTheDocumentedNegationExamples(string filter, double[] expected)
    {
        long t = await PostDocumentedStreams();

        Assert.Equal(expected, await Streams(t, filter));
    }

    [Theory]
    [InlineData("region=us-east* and host=*prod*", new[] { 1.0, 2.0 })]
    [InlineData("region=us-west or name=bubbles", new[] { 3.0, 4.0, 5.0 })]
    [InlineData("not region=us-east", new[] { 3.0, 4.0 })]
    [InlineData("(region=us-east and !host) or host=db-stg", new[] { 4.0, 5.0 })]
    [InlineData("!host or host=!db*prod", new[] { 4.0, 5.0 })]
    [InlineData("host!=db*prod", new[] { 4.0 })]
    [InlineData("REGION=US-WEST AND NOT (HOST=DB-STG)", new[] { 3.0 })]
    [InlineData("region=us-east and (host=db-1* or host=db-2*) and not host=*2*", new[] { 1.0 })]
    [InlineData("host='db-1-prod' or name=\"bubbles\"", new[] { 1.0, 5.0 })]
    public async Task TagsSearchEvaluatesItsExpression(string expression, double[] expected)
    {
        long t = await PostDocumentedStreams();

        Assert.Equal(expected, await Streams(t, "tags_search=" + Uri.EscapeDataString(expression)));
    }

    [Fact]
    public async Task QuotedSearchValuesMayHoldSpaces()
    {
        long t = Now - 100;
        await Post("""{"region":"eu west"}""", new[] { (t, 1.0) });
        await Post("""{"region":"eu"}""", new[] { (t, 2.0) });

        Assert.Equal(new[] { 1.0 }, await Streams(t, "tags_search=" + Uri.EscapeDataString("region=\"EU W*\"")));
    }

    [Theory]
    [InlineData("region=", "is not a valid search expression: missing value for 'region'")]
    [InlineData("region us-east", "is not a valid search expression: expected '=' or '!=' after 'region'")]
    [InlineData("(region=a", "is not a valid search expression: missing ')'")]
    [InlineData("region=a and", "is not a valid search expression: unexpected end of expression")]
    [InlineData("region=a)", "is not a valid search expression: unexpected ')' at position 9")]
    [InlineData("=a", "is not a valid search expression: expected a tag name at position 1")]
    [InlineData("region='a", "is not a valid search expression: unterminated quoted value")]
    public async Task InvalidTagsSearchIs400(string expression, string message)
    {
        long t = await PostDocumentedStreams();

        var response = await Api.GetAsync($"/v1/measurements/m?resolution=1&start_time={t}&tags_search={Uri.EscapeDataString(expression)}");

        Assert.Equal(400, response.Status);
        Assert.Equal(ExpectedBodies.ParamError("tags_search", message), response.Body);
    }

    [Fact]
    public async Task TagsSearchCannotBeCombinedWithTags()
    {
        long t = await PostDocumentedStreams();

        var response = await Api.GetAsync($"/v1/measurements/m?resolution=1&start_time={t}&tags[region]=us*&tags_search=host%3Ddb*");

        Assert.Equal(400, response.Status);
        Assert.Equal(ExpectedBodies.ParamError("tags_search", "cannot be combined with tags"), response.Body);
    }

    /// <summary>Four streams over two minutes: us-east/a, us-east/b, us-west/a, and one without a region.</summary>
    private async Task<long> PostRegions()
    {
        long b = AlignedPast(60, 20);
        await Post("""{"region":"us-east","az":"a","host":"1"}""", new[] { (b, 1.0), (b + 60, 10.0) });
        await Post("""{"region":"us-east","az":"b","host":"2"}""", new[] { (b, 2.0), (b + 60, 20.0) });
        await Post("""{"region":"us-west","az":"a","host":"3"}""", new[] { (b, 4.0) });
        await Post("""{"host":"4"}""", new[] { (b, 8.0), (b + 60, 80.0) });
        return b;
    }

    private async Task<JsonElement[]> Grouped(long b, string query) =>
        Series(await Api.GetAsync($"/v1/measurements/m?resolution=60&start_time={b}&end_time={b + 119}&{query}"));

    [Fact]
    public async Task GroupByCombinesTheSeriesOfEachGroupAndKeepsOnlyTheGroupTags()
    {
        long b = await PostRegions();

        var series = await Grouped(b, "group_by=region&group_by_function=sum");

        Assert.Equal(new[] { "region=us-east", "region=us-west" }, series.Select(TagsOf));
        Assert.Equal(new[] { b, b + 60 }, Times(series[0]));
        Assert.Equal(new[] { 3.0, 30.0 }, Values(series[0]));
        Assert.Equal(new[] { 4.0 }, Values(series[1]));
    }

    [Fact]
    public async Task GroupByFunctionsAndSeveralTags()
    {
        long b = await PostRegions();

        var byTwo = await Grouped(b, "group_by=region,AZ&group_by_function=max");
        var mean = await Grouped(b, "group_by=region&group_by_function=mean");
        var min = await Grouped(b, "group_by=region&group_by_function=min");
        var max = await Grouped(b, "group_by=region&group_by_function=max");

        Assert.Equal(new[] { "az=a,region=us-east", "az=a,region=us-west", "az=b,region=us-east" }, byTwo.Select(TagsOf));
        Assert.Equal(new[] { 1.5, 15.0 }, Values(mean[0]));
        Assert.Equal(new[] { 1.0, 10.0 }, Values(min[0]));
        Assert.Equal(new[] { 2.0, 20.0 }, Values(max[0]));
    }

    [Fact]
    public async Task GroupByStarAggregatesEverythingWithoutTags()
    {
        long b = await PostRegions();

        var response = await Api.GetAsync($"/v1/measurements/m?resolution=60&start_time={b}&end_time={b + 119}&group_by=*&group_by_function=sum");

        var series = Series(response).Single();
        Assert.Equal("{}", series.GetProperty("tags").GetRawText());
        Assert.Equal(new[] { 15.0, 110.0 }, Values(series));
    }

    [Fact]
    public async Task GroupByAppliesToTheSummaryFunctionsValues()
    {
        long b = AlignedPast(60, 20);
        await Post("""{"region":"r","host":"1"}""", new[] { (b, 1.0), (b + 1, 5.0) });
        await Post("""{"region":"r","host":"2"}""", new[] { (b, 2.0), (b + 1, 2.0), (b + 2, 2.0) });

        var sumOfMax = await Grouped(b, "group_by=region&group_by_function=sum&summary_function=max");
        var sumOfCounts = await Grouped(b, "group_by=region&group_by_function=sum&summary_function=count");

        Assert.Equal(new[] { 7.0 }, Values(sumOfMax.Single()));
        Assert.Equal(new[] { 5.0 }, Values(sumOfCounts.Single()));
    }

    [Fact]
    public async Task GroupedReadsAreTruncatedAndLinkedLikeOthers()
    {
        long b = Now - 5000;
        await Post("""{"region":"r","host":"1"}""", Enumerable.Range(0, 150).Select(i => (b + i, 1.0)));
        await Post("""{"region":"r","host":"2"}""", Enumerable.Range(0, 150).Select(i => (b + i, 2.0)));

        string? next = $"/v1/measurements/m?resolution=1&start_time={b}&end_time={b + 1000}&group_by=region&group_by_function=sum";
        var seen = new List<long>();
        while (next is not null)
        {
            var page = await Api.GetAsync(next);
            var series = Series(page).Single();
            Assert.All(Values(series), v => Assert.Equal(3.0, v));
            seen.AddRange(Times(series));
            var links = page.Json.GetProperty("links").EnumerateArray().ToArray();
            next = links.Length == 0 ? null : links.Single().GetProperty("href").GetString();
            Assert.True(seen.Count <= 150);
        }

        Assert.Equal(Enumerable.Range(0, 150).Select(i => b + i), seen);
    }

    [Theory]
    [InlineData("group_by=region", "group_by_function", "is required when group_by is given")]
    [InlineData("group_by=region&group_by_function=count", "group_by_function", "is not included in the list")]
    [InlineData("group_by=region&group_by_function=median", "group_by_function", "is not included in the list")]
    [InlineData("group_by=region&group_by_function=sum&summary_function=all", "summary_function", "cannot be all when group_by is given")]
    [InlineData("group_by=bad!tag&group_by_function=sum", "group_by", "'bad!tag' is not a valid tag name")]
    public async Task InvalidGroupingIs400(string query, string param, string message)
    {
        long b = await PostRegions();

        var response = await Api.GetAsync($"/v1/measurements/m?resolution=60&start_time={b}&{query}");

        Assert.Equal(400, response.Status);
        Assert.Equal(ExpectedBodies.ParamError(param, message), response.Body);
    }

    [Fact]
    public async Task DerivativeIsTheChangeOfTheLastValueFromBucketToBucket()
    {
        long b = AlignedPast(60, 20);
        await Post("""{"h":"a"}""", new[] { (b - 10, 2.0), (b + 1, 1.0), (b + 2, 5.0), (b + 61, 8.0), (b + 130, 4.0) });

        var fromWindow = await Grouped(b, "summary_function=derivative");
        var wider = Series(await Api.GetAsync($"/v1/measurements/m?resolution=60&start_time={b}&end_time={b + 179}&summary_function=derivative"));
        var withoutEarlier = Series(await Api.GetAsync($"/v1/measurements/m?resolution=60&start_time={b - 60}&end_time={b + 179}&summary_function=derivative"));

        Assert.Equal(new[] { b, b + 60 }, Times(fromWindow.Single()));
        Assert.Equal(new[] { 3.0, 3.0 }, Values(fromWindow.Single()));
        Assert.Equal(new[] { 3.0, 3.0, -4.0 }, Values(wider.Single()));
        Assert.Equal(new[] { b, b + 60, b + 120 }, Times(withoutEarlier.Single()));
    }

    [Fact]
    public async Task StddevIsThePopulationStandardDeviationOfEachBucket()
    {
        long b = AlignedPast(60, 20);
        double[] samples = { 2, 4, 4, 4, 5, 5, 7, 9 };
        await Post("""{"h":"a"}""", samples.Select((v, i) => (b + i, v)));

        var series = await Grouped(b, "summary_function=stddev");

        Assert.Equal(new[] { 2.0 }, Values(series.Single()));
    }

    [Fact]
    public async Task TheMetricsSummarizeFunctionIsTheDefault()
    {
        long b = AlignedPast(60, 20);
        await Post("""{"h":"a"}""", new[] { (b, 1.0), (b + 1, 5.0) });
        var before = await Grouped(b, string.Empty);

        Assert.Equal(204, (await Api.PutJsonAsync("/v1/metrics/m", """{"attributes":{"summarize_function":"sum"}}""")).Status);
        var after = await Grouped(b, string.Empty);
        var asked = await Grouped(b, "summary_function=min");

        Assert.Equal(new[] { 3.0 }, Values(before.Single()));
        Assert.Equal(new[] { 6.0 }, Values(after.Single()));
        Assert.Equal(new[] { 1.0 }, Values(asked.Single()));
    }
}
