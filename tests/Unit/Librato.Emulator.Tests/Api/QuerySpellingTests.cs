using System.Linq;
using System.Threading.Tasks;
using Librato.Emulator.Tests.Support;
using Xunit;

namespace Librato.Emulator.Tests.Api;

/// <summary>The spellings clients use for list and tag parameters in query strings.</summary>
public sealed class QuerySpellingTests : EmulatorTestBase
{
    public QuerySpellingTests(EmulatorFixture fixture)
        : base(fixture)
    {
    }

    private async Task<long> SeedTagged()
    {
        long t = Now - 100;
        var response = await Api.PostJsonAsync("/v1/measurements", $$"""
            {"time":{{t}},"measurements":[{"name":"m","value":1,"tags":{"host":"a"} },{"name":"m","value":2,"tags":{"host":"b"} },{"name":"m","value":3,"tags":{"host":"c"} }]}
            """);
        Assert.Equal(202, response.Status);
        return t;
    }

    private async Task<string[]> Hosts(long t, string filter)
    {
        var response = await Api.GetAsync($"/v1/measurements/m?resolution=1&start_time={t}&{filter}");
        Assert.Equal(200, response.Status);
        return response.Json.GetProperty("series").EnumerateArray().Select(s => s.GetProperty("tags").GetProperty("host").GetString()!).ToArray();
    }

    [Fact]
    public async Task PercentEncodedBracketsAreTheSameParameters()
    {
        long t = await SeedTagged();

        Assert.Equal(new[] { "b" }, await Hosts(t, "tags%5Bhost%5D=b"));
    }

    [Fact]
    public async Task RailsListSpellingOfATagFilterIsAnAlternative()
    {
        long t = await SeedTagged();

        Assert.Equal(new[] { "a", "c" }, await Hosts(t, "tags[host][]=a&tags[host][]=c"));
        Assert.Equal(new[] { "a", "b" }, await Hosts(t, "tags[host]=a&tags[host][]=b"));
    }

    [Fact]
    public async Task BracketedSourceListWorksEncodedOrNot()
    {
        long t = Now - 100;
        Assert.Equal(200, (await Api.PostJsonAsync("/v1/metrics", $$"""
            {"measure_time":{{t}},"gauges":[{"name":"g","value":1,"source":"s1"},{"name":"g","value":2,"source":"s2"},{"name":"g","value":3,"source":"s3"}]}
            """)).Status);

        async Task<string[]> Sources(string query) =>
            (await Api.GetAsync($"/v1/metrics/g?start_time={t}&{query}")).Json.GetProperty("measurements").EnumerateObject().Select(p => p.Name).ToArray();

        Assert.Equal(new[] { "s1", "s3" }, await Sources("sources[]=s1&sources[]=s3"));
        Assert.Equal(new[] { "s2" }, await Sources("sources%5B%5D=s2"));
    }
}
