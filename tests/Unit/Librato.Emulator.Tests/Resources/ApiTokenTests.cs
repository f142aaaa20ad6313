using System.Linq;
using System.Threading.Tasks;
using Librato.Emulator.Tests.Support;
using Xunit;

namespace Librato.Emulator.Tests.Resources;

public sealed class ApiTokenTests : EmulatorTestBase
{
    public ApiTokenTests(EmulatorFixture fixture)
        : base(fixture)
    {
    }

    private string Base => Fixture.Host.BaseAddress.ToString().TrimEnd('/');

    private async Task<ApiResponse> Create(string name, string role = "admin")
    {
        var response = await Api.PostJsonAsync("/v1/api_tokens", $$"""{"name":"{{name}}","role":"{{role}}"}""");
        Assert.Equal(201, response.Status);
        return response;
    }

    private static long IdOf(ApiResponse token) =>
        long.Parse(token.Json.GetProperty("href").GetString()!.Split('/').Last());

    private static string[] Names(ApiResponse response) =>
        response.Json.GetProperty("api_tokens").EnumerateArray().Select(t => t.GetProperty("name").GetString()!).ToArray();

    [Fact]
    public async Task CreateIs201WithAGeneratedToken()
    {
        var response = await Api.PostJsonAsync("/v1/api_tokens", """{"name":"My New Token","role":"admin","token":"chosen-by-client"}""");

        Assert.Equal(201, response.Status);
        var json = response.Json;
        string token = json.GetProperty("token").GetString()!;
        long id = IdOf(response);
        string created = json.GetProperty("created_at").GetString()!;
        Assert.Matches("^[0-9a-f]{64}$", token);
        Assert.Matches(@"^\d{4}-\d\d-\d\d \d\d:\d\d:\d\d UTC$", created);
        Assert.Equal("/v1/api_tokens/" + id, response.Location());
        Assert.Equal(
            $$"""{"name":"My New Token","token":"{{token}}","active":true,"role":"admin","href":"{{Base}}/v1/api_tokens/{{id}}","created_at":"{{created}}","updated_at":"{{created}}"}""",
            response.Body);
        Assert.Equal(response.Body, (await Api.GetAsync("/v1/api_tokens/" + id)).Body);
    }

    [Fact]
    public async Task CreateAcceptsFormFields()
    {
        var response = await Api.PostFormAsync("/v1/api_tokens", "name=My+New+Token&role=viewer");

        Assert.Equal(201, response.Status);
        Assert.Equal("viewer", response.Json.GetProperty("role").GetString());
    }

    [Fact]
    public async Task EveryTokenGetsItsOwnValue()
    {
        var first = await Create("a");
        var second = await Create("a");

        Assert.NotEqual(first.Json.GetProperty("token").GetString(), second.Json.GetProperty("token").GetString());
    }

    [Theory]
    [InlineData("""{"role":"admin"}""", """{"name":["is not present"]}""")]
    [InlineData("""{"name":"n"}""", """{"role":["is not present"]}""")]
    [InlineData("""{"name":"n","role":"owner"}""", """{"role":["is not included in the list"]}""")]
    [InlineData("""{"name":"n","role":"admin","active":"no idea"}""", """{"active":["must be true or false"]}""")]
    public async Task InvalidTokensAre400(string json, string expectedParams)
    {
        var response = await Api.PostJsonAsync("/v1/api_tokens", json);

        Assert.Equal(400, response.Status);
        Assert.Equal("{\"errors\":{\"params\":" + expectedParams + "}}", response.Body);
    }

    [Fact]
    public async Task PutIs200WithTheTokenAndKeepsItsValue()
    {
        var created = await Create("Old", "admin");
        long id = IdOf(created);

        var response = await Api.PutFormAsync("/v1/api_tokens/" + id, "name=New+Token+Name&active=false&role=recorder&token=ignored");

        Assert.Equal(200, response.Status);
        Assert.Equal("New Token Name", response.Json.GetProperty("name").GetString());
        Assert.False(response.Json.GetProperty("active").GetBoolean());
        Assert.Equal("recorder", response.Json.GetProperty("role").GetString());
        Assert.Equal(created.Json.GetProperty("token").GetString(), response.Json.GetProperty("token").GetString());
        Assert.Equal(response.Body, (await Api.GetAsync("/v1/api_tokens/" + id)).Body);
    }

    [Fact]
    public async Task InvalidPutIs400()
    {
        long id = IdOf(await Create("t"));

        var response = await Api.PutJsonAsync("/v1/api_tokens/" + id, """{"role":"root","active":null}""");

        Assert.Equal("""{"errors":{"params":{"role":["is not included in the list"],"active":["must be true or false"]}}}""", response.Body);
    }

    [Fact]
    public async Task DeleteIs204()
    {
        long id = IdOf(await Create("t"));

        Assert.Equal(204, (await Api.DeleteAsync("/v1/api_tokens/" + id)).Status);
        Assert.Equal(404, (await Api.GetAsync("/v1/api_tokens/" + id)).Status);
        Assert.Equal("""{"errors":{"request":["API token not found"]}}""", (await Api.DeleteAsync("/v1/api_tokens/" + id)).Body);
        Assert.Equal(404, (await Api.PutJsonAsync("/v1/api_tokens/" + id, """{"name":"x"}""")).Status);
    }

    [Fact]
    public async Task ListIsPaginatedAndFiltersByNameWithWildcards()
    {
        foreach (string name in new[] { "Token for collectors", "foo.bar", "foo.bar.bazzle", "disabled token" })
        {
            await Create(name);
        }

        var all = await Api.GetAsync("/v1/api_tokens");
        var wildcard = await Api.GetAsync("/v1/api_tokens?name=*token*");
        var implicitWildcards = await Api.GetAsync("/v1/api_tokens?name=foo.bar");
        var anchored = await Api.GetAsync("/v1/api_tokens?name=foo*bar");
        var byPath = await Api.GetAsync("/v1/api_tokens/foo.bar");
        var page = await Api.GetAsync("/v1/api_tokens?length=1&offset=1");

        Assert.Equal(new[] { "disabled token", "foo.bar", "foo.bar.bazzle", "Token for collectors" }, Names(all));
        Assert.Equal("""{"found":4,"length":4,"offset":0,"total":4}""", all.Json.GetProperty("query").GetRawText());
        Assert.Equal(new[] { "disabled token", "Token for collectors" }, Names(wildcard));
        Assert.Equal("""{"found":2,"length":2,"offset":0,"total":4}""", wildcard.Json.GetProperty("query").GetRawText());
        Assert.Equal(new[] { "foo.bar", "foo.bar.bazzle" }, Names(implicitWildcards));
        Assert.Equal(new[] { "foo.bar" }, Names(anchored));
        Assert.Equal(implicitWildcards.Body, byPath.Body);
        Assert.Equal(new[] { "foo.bar" }, Names(page));
        Assert.Equal(400, (await Api.GetAsync("/v1/api_tokens?length=0")).Status);
    }

    [Fact]
    public async Task TokensLiveInTheAccountsTokenRegistry()
    {
        var viewer = await Create("viewer", "viewer");
        string value = viewer.Json.GetProperty("token").GetString()!;
        var tokens = State.FindStore(EmulatorFixture.Email)!.Tokens;

        var found = tokens.Find(value);

        Assert.NotNull(found);
        Assert.Equal((IdOf(viewer), EmulatorTokenRole.Viewer, true, false), (found!.Id, found.Role, found.Active, found.Configured));
        Assert.Null(State.FindStore(EmulatorFixture.OtherEmail)!.Tokens.Find(value));
        Assert.True(tokens.Find(EmulatorFixture.Token)!.Configured);

        long id = IdOf(viewer);
        await Api.PutJsonAsync("/v1/api_tokens/" + id, """{"active":false,"role":"recorder"}""");
        Assert.Equal((EmulatorTokenRole.Recorder, false), (tokens.Find(value)!.Role, tokens.Find(value)!.Active));

        await Api.DeleteAsync("/v1/api_tokens/" + id);
        Assert.Null(tokens.Find(value));
    }

    [Fact]
    public async Task CreatedTokensAuthenticateOnlyTheirOwnAccount()
    {
        string value = (await Create("mine")).Json.GetProperty("token").GetString()!;

        Assert.Equal(200, (await Fixture.As(EmulatorFixture.Email, value).GetAsync("/v1/metrics")).Status);
        Assert.Equal(401, (await Fixture.As(EmulatorFixture.OtherEmail, value).GetAsync("/v1/metrics")).Status);
        Assert.Equal(0, (await Fixture.Other.GetAsync("/v1/api_tokens")).Json.GetProperty("query").GetProperty("total").GetInt32());
    }

    [Fact]
    public async Task ConfiguredTokensAreNotPartOfTheResource()
    {
        var list = await Api.GetAsync("/v1/api_tokens");

        Assert.Equal("""{"query":{"found":0,"length":0,"offset":0,"total":0},"api_tokens":[]}""", list.Body);
        Assert.Equal(404, (await Api.GetAsync("/v1/api_tokens/0")).Status);
    }

    [Fact]
    public async Task ResetForgetsTokens()
    {
        string value = (await Create("t")).Json.GetProperty("token").GetString()!;

        State.Reset();

        Assert.Null(State.FindStore(EmulatorFixture.Email)!.Tokens.Find(value));
        Assert.Equal(401, (await Fixture.As(EmulatorFixture.Email, value).GetAsync("/v1/metrics")).Status);
    }
}
