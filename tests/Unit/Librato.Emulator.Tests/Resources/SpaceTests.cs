using System.Linq;
using System.Text.Json;
using System.Threading.Tasks;
using Librato.Emulator.Tests.Support;
using Xunit;

namespace Librato.Emulator.Tests.Resources;

public sealed class SpaceTests : EmulatorTestBase
{
    public SpaceTests(EmulatorFixture fixture)
        : base(fixture)
    {
    }

    private async Task<long> Space(string name)
    {
        var response = await Api.PostJsonAsync("/v1/spaces", $$"""{"name":"{{name}}"}""");
        Assert.Equal(201, response.Status);
        return response.Id();
    }

    private static string[] Names(ApiResponse response) =>
        response.Json.GetProperty("spaces").EnumerateArray().Select(s => s.GetProperty("name").GetString()!).ToArray();

    [Fact]
    public async Task CreateIs201WithLocationAndIdAndName()
    {
        var response = await Api.PostJsonAsync("/v1/spaces", """{"name":"CPUs"}""");

        Assert.Equal(201, response.Status);
        long id = response.Id();
        Assert.Equal("/v1/spaces/" + id, response.Location());
        Assert.Equal($$"""{"id":{{id}},"name":"CPUs"}""", response.Body);
    }

    [Fact]
    public async Task TheTaggedSpaceFlagIsKept()
    {
        var response = await Api.PostFormAsync("/v1/spaces", "name=Tagged&tags=true");

        Assert.Equal(201, response.Status);
        Assert.True(response.Json.GetProperty("tags").GetBoolean());
        Assert.True((await Api.GetAsync("/v1/spaces/" + response.Id())).Json.GetProperty("tags").GetBoolean());
    }

    [Theory]
    [InlineData("""{}""", """{"errors":{"params":{"name":["is not present"]}}}""")]
    [InlineData("""{"name":""}""", """{"errors":{"params":{"name":["is not present"]}}}""")]
    [InlineData("""{"name":["x"]}""", """{"errors":{"params":{"name":["must be a string"]}}}""")]
    [InlineData("""{"name":"x","tags":"sometimes"}""", """{"errors":{"params":{"tags":["must be true or false"]}}}""")]
    [InlineData("""{"name":"LONG"}""", """{"errors":{"params":{"name":["is too long (maximum is 255 characters)"]}}}""")]
    public async Task InvalidSpacesAre400(string json, string expected)
    {
        var response = await Api.PostJsonAsync("/v1/spaces", json.Replace("LONG", new string('n', 256)));

        Assert.Equal(400, response.Status);
        Assert.Equal(expected, response.Body);
    }

    [Fact]
    public async Task NamesMayRepeat()
    {
        long first = await Space("Dashboards");
        long second = await Space("Dashboards");

        Assert.NotEqual(first, second);
        Assert.Equal(new[] { "Dashboards", "Dashboards" }, Names(await Api.GetAsync("/v1/spaces")));
    }

    [Fact]
    public async Task NamesAreAnyTextUpTo255Characters()
    {
        string[] names = { "CPU (all hosts) / prod", "Ünïcödé ✓", "x", new string('n', 255) };

        foreach (string name in names)
        {
            var response = await Api.PostJsonAsync("/v1/spaces", JsonSerializer.Serialize(new { name }));
            Assert.Equal(201, response.Status);
            Assert.Equal(name, (await Api.GetAsync(response.Location()!)).Json.GetProperty("name").GetString());
        }
    }

    [Fact]
    public async Task ShowListsTheChartIdsInCreationOrder()
    {
        long id = await Space("Web");
        long first = (await Api.PostJsonAsync($"/v1/spaces/{id}/charts", """{"name":"a"}""")).Id();
        long second = (await Api.PostJsonAsync($"/v1/spaces/{id}/charts", """{"name":"b"}""")).Id();

        var response = await Api.GetAsync("/v1/spaces/" + id);

        Assert.Equal($$"""{"name":"Web","id":{{id}},"charts":[{"id":{{first}}},{"id":{{second}}}]}""", response.Body);
    }

    [Fact]
    public async Task RenameIs204()
    {
        long id = await Space("Old");

        var response = await Api.PutJsonAsync("/v1/spaces/" + id, """{"name":"New"}""");
        var invalid = await Api.PutJsonAsync("/v1/spaces/" + id, """{"name":""}""");

        Assert.Equal(204, response.Status);
        Assert.Equal($$"""{"name":"New","id":{{id}},"charts":[]}""", (await Api.GetAsync("/v1/spaces/" + id)).Body);
        Assert.Equal("""{"errors":{"params":{"name":["is not present"]}}}""", invalid.Body);
    }

    [Fact]
    public async Task DeleteIs204AndTakesTheChartsAlong()
    {
        long id = await Space("Doomed");
        long chart = (await Api.PostJsonAsync($"/v1/spaces/{id}/charts", """{"name":"c"}""")).Id();

        Assert.Equal(204, (await Api.DeleteAsync("/v1/spaces/" + id)).Status);
        Assert.Equal(404, (await Api.GetAsync("/v1/spaces/" + id)).Status);
        Assert.Equal(404, (await Api.GetAsync($"/v1/spaces/{id}/charts/{chart}")).Status);
    }

    [Theory]
    [InlineData("/v1/spaces/424242")]
    [InlineData("/v1/spaces/abc")]
    public async Task UnknownSpacesAre404(string path)
    {
        Assert.Equal("""{"errors":{"request":["Space not found"]}}""", (await Api.GetAsync(path)).Body);
        Assert.Equal(404, (await Api.PutJsonAsync(path, """{"name":"x"}""")).Status);
        Assert.Equal(404, (await Api.DeleteAsync(path)).Status);
        Assert.Equal(404, (await Api.GetAsync(path + "/charts")).Status);
        Assert.Equal(404, (await Api.PostJsonAsync(path + "/charts", """{"name":"x"}""")).Status);
    }

    [Fact]
    public async Task ListIsPaginatedOrderedByNameAndSearchable()
    {
        foreach (string name in new[] { "Web servers", "databases", "CPUs", "web caches" })
        {
            await Space(name);
        }

        var all = await Api.GetAsync("/v1/spaces");
        var search = await Api.GetAsync("/v1/spaces?name=WEB");
        var page = await Api.GetAsync("/v1/spaces?offset=2&length=5&sort=desc");

        Assert.Equal(new[] { "CPUs", "databases", "web caches", "Web servers" }, Names(all));
        Assert.Equal("""{"found":4,"length":4,"offset":0,"total":4}""", all.Json.GetProperty("query").GetRawText());
        Assert.Equal(new[] { "id", "name" }, all.Json.GetProperty("spaces")[0].EnumerateObject().Select(p => p.Name));
        Assert.Equal(new[] { "web caches", "Web servers" }, Names(search));
        Assert.Equal("""{"found":2,"length":2,"offset":0,"total":4}""", search.Json.GetProperty("query").GetRawText());
        Assert.Equal(new[] { "databases", "CPUs" }, Names(page));
        Assert.Equal(400, (await Api.GetAsync("/v1/spaces?length=500")).Status);
    }

    [Fact]
    public async Task SpacesBelongToOneAccount()
    {
        long id = await Space("Mine");

        Assert.Equal(404, (await Fixture.Other.GetAsync("/v1/spaces/" + id)).Status);
    }
}
