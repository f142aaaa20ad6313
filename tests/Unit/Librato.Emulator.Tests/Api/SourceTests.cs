using System.Linq;
using System.Text.Json;
using System.Threading.Tasks;
using Librato.Emulator.Tests.Support;
using Xunit;

namespace Librato.Emulator.Tests.Api;

public sealed class SourceTests : EmulatorTestBase
{
    public SourceTests(EmulatorFixture fixture)
        : base(fixture)
    {
    }

    private Task<ApiResponse> Put(string name, string json) => Api.PutJsonAsync("/v1/sources/" + name, json);

    private static string[] Names(ApiResponse response) =>
        response.Json.GetProperty("sources").EnumerateArray().Select(s => s.GetProperty("name").GetString()!).ToArray();

    [Fact]
    public async Task CreatingASourceIs201WithLocationAndTheSource()
    {
        var response = await Put("stg1.example.com", """{"display_name":"Staging 1"}""");

        Assert.Equal(201, response.Status);
        Assert.Equal("/v1/sources/stg1.example.com", response.Message.Headers.Location!.OriginalString);
        Assert.Equal("""{"name":"stg1.example.com","display_name":"Staging 1"}""", response.Body);
        Assert.Equal(response.Body, (await Api.GetAsync("/v1/sources/STG1.example.com")).Body);
    }

    [Fact]
    public async Task UpdatingASourceIs204AndChangesOnlyWhatIsGiven()
    {
        await Put("web1", """{"display_name":"Web one"}""");

        var renamed = await Put("WEB1", """{"display_name":"Web 1"}""");
        var untouched = await Put("web1", "{}");

        Assert.Equal(204, renamed.Status);
        Assert.Equal(string.Empty, renamed.Body);
        Assert.Equal(204, untouched.Status);
        Assert.Equal("""{"name":"web1","display_name":"Web 1"}""", (await Api.GetAsync("/v1/sources/web1")).Body);
        Assert.Equal(204, (await Put("web1", """{"display_name":null}""")).Status);
        Assert.Equal("""{"name":"web1","display_name":null}""", (await Api.GetAsync("/v1/sources/web1")).Body);
    }

    [Fact]
    public async Task SourcesUsedByLegacySubmissionsExist()
    {
        await Api.PostJsonAsync("/v1/metrics", """{"source":"top","gauges":[{"name":"a","value":1},{"name":"b","value":1,"source":"Own.Host"}]}""");
        await Api.PostJsonAsync("/v1/measurements", """{"tags":{"source":"tagged"},"measurements":[{"name":"c","value":1}]}""");

        var list = await Api.GetAsync("/v1/sources");

        Assert.Equal(new[] { "Own.Host", "top" }, Names(list));
        Assert.Equal("""{"name":"Own.Host","display_name":null}""", (await Api.GetAsync("/v1/sources/own.host")).Body);
        Assert.Equal(204, (await Put("top", """{"display_name":"Top"}""")).Status);
    }

    [Fact]
    public async Task UnknownSourceIs404()
    {
        var response = await Api.GetAsync("/v1/sources/nope");

        Assert.Equal(404, response.Status);
        Assert.Equal("""{"errors":{"request":["Source not found"]}}""", response.Body);
    }

    [Fact]
    public async Task SourcesBelongToTheirAccount()
    {
        await Put("mine", "{}");

        Assert.Equal(404, (await Fixture.Other.GetAsync("/v1/sources/mine")).Status);
        Assert.Equal(0, (await Fixture.Other.GetAsync("/v1/sources")).Json.GetProperty("query").GetProperty("total").GetInt32());
    }

    [Fact]
    public async Task ListIsPaginatedAndFilteredByNameOrDisplayName()
    {
        for (int i = 0; i < 5; i++)
        {
            await Put($"host-{i}", i == 3 ? """{"display_name":"The Database"}""" : "{}");
        }

        var page = await Api.GetAsync("/v1/sources?offset=1&length=2");
        var desc = await Api.GetAsync("/v1/sources?sort=desc&orderby=name&length=1");
        var byDisplayName = await Api.GetAsync("/v1/sources?name=DATABASE");
        var byName = await Api.GetAsync("/v1/sources?name=host-4");
        var beyond = await Api.GetAsync("/v1/sources?offset=10");

        Assert.Equal("""{"found":5,"length":2,"offset":1,"total":5}""", page.Json.GetProperty("query").GetRawText());
        Assert.Equal(new[] { "host-1", "host-2" }, Names(page));
        Assert.Equal(new[] { "host-4" }, Names(desc));
        Assert.Equal(new[] { "host-3" }, Names(byDisplayName));
        Assert.Equal("""{"found":1,"length":1,"offset":0,"total":5}""", byDisplayName.Json.GetProperty("query").GetRawText());
        Assert.Equal(new[] { "host-4" }, Names(byName));
        Assert.Empty(Names(beyond));
        Assert.Equal("""{"found":5,"length":0,"offset":10,"total":5}""", beyond.Json.GetProperty("query").GetRawText());
    }

    [Fact]
    public async Task TheDefaultPageHoldsOneHundred()
    {
        string gauges = string.Join(",", Enumerable.Range(0, 120).Select(i => $$"""{"name":"m","value":1,"source":"s{{i:D3}}"}"""));
        await Api.PostJsonAsync("/v1/metrics", $$"""{"gauges":[{{gauges}}]}""");

        var first = await Api.GetAsync("/v1/sources");
        var second = await Api.GetAsync("/v1/sources?offset=100");

        Assert.Equal(100, Names(first).Length);
        Assert.Equal("s000", Names(first)[0]);
        Assert.Equal(20, Names(second).Length);
        Assert.Equal(120, first.Json.GetProperty("query").GetProperty("total").GetInt32());
    }

    [Theory]
    [InlineData("/v1/sources?length=0", "length", "must be greater than 0")]
    [InlineData("/v1/sources?length=101", "length", "must be less than or equal to 100")]
    [InlineData("/v1/sources?offset=-1", "offset", "must be greater than or equal to 0")]
    [InlineData("/v1/sources?orderby=display_name", "orderby", "is not included in the list")]
    [InlineData("/v1/sources?sort=up", "sort", "is not included in the list")]
    public async Task InvalidListParametersAre400(string path, string param, string message)
    {
        var response = await Api.GetAsync(path);

        Assert.Equal(400, response.Status);
        Assert.Equal(ExpectedBodies.ParamError(param, message), response.Body);
    }

    [Theory]
    [InlineData("all", """{}""", "name", "'all' is a reserved source name")]
    [InlineData("bad%20name", """{}""", "name", "'bad name' is not a valid source name")]
    [InlineData("ok", """{"display_name":5}""", "display_name", "must be a string")]
    public async Task InvalidPutIs400(string name, string body, string param, string message)
    {
        var response = await Put(name, body);

        Assert.Equal(400, response.Status);
        Assert.Equal(ExpectedBodies.ParamError(param, message), response.Body);
    }

    [Fact]
    public async Task DisplayNameIsLimitedTo255Characters()
    {
        var ok = await Put("a", JsonSerializer.Serialize(new { display_name = new string('x', 255) }));
        var tooLong = await Put("b", JsonSerializer.Serialize(new { display_name = new string('x', 256) }));

        Assert.Equal(201, ok.Status);
        Assert.Equal(ExpectedBodies.ParamError("display_name", "is too long (maximum is 255 characters)"), tooLong.Body);
        Assert.Equal(404, (await Api.GetAsync("/v1/sources/b")).Status);
    }

    [Fact]
    public async Task PutWithoutABodyCreatesTheSource()
    {
        var response = await Api.SendAsync(new System.Net.Http.HttpRequestMessage(System.Net.Http.HttpMethod.Put, "/v1/sources/bare"));

        Assert.Equal(201, response.Status);
        Assert.Equal("""{"name":"bare","display_name":null}""", response.Body);
    }

    [Fact]
    public async Task UnparseablePutBodyIs400()
    {
        var response = await Put("x", "{nope");

        Assert.Equal(400, response.Status);
        Assert.Equal("""{"errors":{"request":["Could not parse the request body as JSON"]}}""", response.Body);
    }
}
