using System.Collections.Generic;
using System.Linq;
using System.Threading.Tasks;
using Librato.Emulator.Tests.Support;
using Xunit;

namespace Librato.Emulator.Tests.Api;

public sealed class MetricListTests : EmulatorTestBase
{
    private static readonly string[] Names = { "cpu.user", "CPU.system", "disk.free", "mem.used", "net.rx" };

    public MetricListTests(EmulatorFixture fixture)
        : base(fixture)
    {
    }

    private async Task Create(IEnumerable<string> names)
    {
        string gauges = string.Join(",", names.Select(n => $$"""{"name":"{{n}}","value":1}"""));
        var response = await Api.PostJsonAsync("/v1/metrics", $$"""{"gauges":[{{gauges}}]}""");
        Assert.Equal(200, response.Status);
    }

    private static string[] Listed(ApiResponse response) =>
        response.Json.GetProperty("metrics").EnumerateArray().Select(m => m.GetProperty("name").GetString()!).ToArray();

    private static (int Found, int Length, int Offset, int Total) Query(ApiResponse response)
    {
        var query = response.Json.GetProperty("query");
        return (query.GetProperty("found").GetInt32(), query.GetProperty("length").GetInt32(),
            query.GetProperty("offset").GetInt32(), query.GetProperty("total").GetInt32());
    }

    [Fact]
    public async Task ListsEveryMetricByNameIgnoringCase()
    {
        await Create(Names);

        var response = await Api.GetAsync("/v1/metrics");

        Assert.Equal(200, response.Status);
        Assert.Equal(new[] { "CPU.system", "cpu.user", "disk.free", "mem.used", "net.rx" }, Listed(response));
        Assert.Equal((5, 5, 0, 5), Query(response));
        Assert.Equal(new[] { "query", "metrics" }, response.Json.EnumerateObject().Select(p => p.Name));
        Assert.Equal(new[] { "found", "length", "offset", "total" }, response.Json.GetProperty("query").EnumerateObject().Select(p => p.Name));
    }

    [Fact]
    public async Task TagsFilterIsNotPartOfTheListAndIsIgnored()
    {
        await Create(Names);
        var plain = await Api.GetAsync("/v1/metrics?name=cpu");

        var withTags = await Api.GetAsync("/v1/metrics?name=cpu&tags[host]=nowhere&tags=%7B%7D");

        Assert.Equal(200, withTags.Status);
        Assert.Equal(plain.Body, withTags.Body);
        Assert.Equal(2, Listed(withTags).Length);
    }

    [Fact]
    public async Task EmptyAccountListsNothing()
    {
        var response = await Api.GetAsync("/v1/metrics");

        Assert.Equal("""{"query":{"found":0,"length":0,"offset":0,"total":0},"metrics":[]}""", response.Body);
    }

    [Fact]
    public async Task OffsetAndLengthSelectAPage()
    {
        await Create(Names);

        var response = await Api.GetAsync("/v1/metrics?offset=1&length=2");

        Assert.Equal(new[] { "cpu.user", "disk.free" }, Listed(response));
        Assert.Equal((5, 2, 1, 5), Query(response));
    }

    [Fact]
    public async Task OffsetPastTheEndGivesAnEmptyPage()
    {
        await Create(Names);

        var response = await Api.GetAsync("/v1/metrics?offset=10");

        Assert.Equal(200, response.Status);
        Assert.Empty(Listed(response));
        Assert.Equal((5, 0, 10, 5), Query(response));
    }

    [Fact]
    public async Task SortDescReversesTheOrder()
    {
        await Create(Names);

        var response = await Api.GetAsync("/v1/metrics?sort=desc&orderby=name");

        Assert.Equal(new[] { "net.rx", "mem.used", "disk.free", "cpu.user", "CPU.system" }, Listed(response));
    }

    [Fact]
    public async Task NameFilterIsACaseInsensitiveSubstring()
    {
        await Create(Names);

        var response = await Api.GetAsync("/v1/metrics?name=Cpu");

        Assert.Equal(new[] { "CPU.system", "cpu.user" }, Listed(response));
        Assert.Equal((2, 2, 0, 5), Query(response));
    }

    [Fact]
    public async Task PagesHoldAtMost100AndLength100IsAllowed()
    {
        await Create(Enumerable.Range(0, 105).Select(i => $"m{i:D3}"));

        var first = await Api.GetAsync("/v1/metrics");
        var explicit100 = await Api.GetAsync("/v1/metrics?length=100");
        var rest = await Api.GetAsync("/v1/metrics?offset=100");

        Assert.Equal((105, 100, 0, 105), Query(first));
        Assert.Equal("m000", Listed(first)[0]);
        Assert.Equal(100, Listed(explicit100).Length);
        Assert.Equal(new[] { "m100", "m101", "m102", "m103", "m104" }, Listed(rest));
        Assert.Equal((105, 5, 100, 105), Query(rest));
    }

    [Theory]
    [InlineData("length=101", "length", "must be less than or equal to 100")]
    [InlineData("length=0", "length", "must be greater than 0")]
    [InlineData("length=ten", "length", "is not a number")]
    [InlineData("offset=-1", "offset", "must be greater than or equal to 0")]
    [InlineData("orderby=updated_at", "orderby", "is not included in the list")]
    [InlineData("sort=up", "sort", "is not included in the list")]
    public async Task InvalidPaginationIs400Params(string query, string param, string message)
    {
        var response = await Api.GetAsync("/v1/metrics?" + query);

        Assert.Equal(400, response.Status);
        Assert.Equal(ExpectedBodies.ParamError(param, message), response.Body);
    }
}
