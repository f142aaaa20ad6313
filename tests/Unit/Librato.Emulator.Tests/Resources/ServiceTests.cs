using System.Linq;
using System.Threading.Tasks;
using Librato.Emulator.Tests.Support;
using Xunit;

namespace Librato.Emulator.Tests.Resources;

public sealed class ServiceTests : EmulatorTestBase
{
    public ServiceTests(EmulatorFixture fixture)
        : base(fixture)
    {
    }

    private Task<ApiResponse> Create(string title, string type = "mail") =>
        Api.PostJsonAsync("/v1/services", $$"""{"title":"{{title}}","type":"{{type}}","settings":{"addresses":"ops@example.com"} }""");

    private static string[] Titles(ApiResponse response) =>
        response.Json.GetProperty("services").EnumerateArray().Select(s => s.GetProperty("title").GetString()!).ToArray();

    [Fact]
    public async Task CreateIs201WithLocationAndTheService()
    {
        var response = await Api.PostJsonAsync("/v1/services",
            """{"title":"Notify Ops Room","type":"campfire","settings":{"room":"Ops","token":"abc","subdomain":"acme"}}""");

        Assert.Equal(201, response.Status);
        long id = response.Id();
        Assert.Equal("/v1/services/" + id, response.Location());
        Assert.Equal(
            $$"""{"id":{{id}},"type":"campfire","settings":{"room":"Ops","token":"abc","subdomain":"acme"},"title":"Notify Ops Room"}""",
            response.Body);
        Assert.Equal(response.Body, (await Api.GetAsync("/v1/services/" + id)).Body);
    }

    [Fact]
    public async Task TitlesMayRepeat()
    {
        var first = await Create("Ops");
        var second = await Create("Ops");

        Assert.Equal((201, 201), (first.Status, second.Status));
        Assert.NotEqual(first.Id(), second.Id());
        Assert.Equal(new[] { "Ops", "Ops" }, Titles(await Api.GetAsync("/v1/services")));
    }

    [Fact]
    public async Task CreateAcceptsFormFieldsWithBracketedSettings()
    {
        var response = await Api.PostFormAsync("/v1/services",
            "title=Notify+Ops+Room&type=campfire&settings%5Btoken%5D=1234&settings%5Broom%5D=Ops");

        Assert.Equal(201, response.Status);
        Assert.Equal("Notify Ops Room", response.Json.GetProperty("title").GetString());
        Assert.Equal("""{"token":"1234","room":"Ops"}""", response.Json.GetProperty("settings").GetRawText());
    }

    [Fact]
    public async Task EveryFieldIsRequired()
    {
        var response = await Api.PostJsonAsync("/v1/services", "{}");

        Assert.Equal(400, response.Status);
        Assert.Equal(
            """{"errors":{"params":{"title":["is not present"],"type":["is not present"],"settings":["is not present"]}}}""",
            response.Body);
        Assert.Equal(0, (await Api.GetAsync("/v1/services")).Json.GetProperty("query").GetProperty("total").GetInt32());
    }

    [Fact]
    public async Task BadFieldsAre400()
    {
        var response = await Api.PostJsonAsync("/v1/services", """{"title":"","type":"Mail Service","settings":"x"}""");

        Assert.Equal(
            """{"errors":{"params":{"title":["is not present"],"type":["is invalid"],"settings":["must be an object"]}}}""",
            response.Body);
    }

    [Fact]
    public async Task UnparseableJsonIs400()
    {
        var response = await Api.PostJsonAsync("/v1/services", "{\"title\":");

        Assert.Equal(400, response.Status);
        Assert.Equal("""{"errors":{"request":["Could not parse the request body (expected a JSON object or form fields)"]}}""", response.Body);
    }

    [Theory]
    [InlineData("/v1/services/999")]
    [InlineData("/v1/services/abc")]
    public async Task UnknownServiceIs404(string path)
    {
        var response = await Api.GetAsync(path);

        Assert.Equal(404, response.Status);
        Assert.Equal("""{"errors":{"request":["Service not found"]}}""", response.Body);
        Assert.Equal(404, (await Api.PutJsonAsync(path, """{"title":"x"}""")).Status);
        Assert.Equal(404, (await Api.DeleteAsync(path)).Status);
    }

    [Fact]
    public async Task UpdateChangesOnlyTheFieldsSent()
    {
        long id = (await Create("Ops")).Id();

        var response = await Api.PutJsonAsync("/v1/services/" + id, """{"title":"Ops Chatroom"}""");

        Assert.Equal(204, response.Status);
        Assert.Equal("", response.Body);
        Assert.Equal(
            $$"""{"id":{{id}},"type":"mail","settings":{"addresses":"ops@example.com"},"title":"Ops Chatroom"}""",
            (await Api.GetAsync("/v1/services/" + id)).Body);
    }

    [Fact]
    public async Task UpdateReplacesSettingsAndAcceptsForms()
    {
        long id = (await Create("Ops")).Id();

        var response = await Api.PutFormAsync("/v1/services/" + id, "type=slack&settings[url]=https://hooks.example.com/x");

        Assert.Equal(204, response.Status);
        var service = (await Api.GetAsync("/v1/services/" + id)).Json;
        Assert.Equal("slack", service.GetProperty("type").GetString());
        Assert.Equal("""{"url":"https://hooks.example.com/x"}""", service.GetProperty("settings").GetRawText());
    }

    [Fact]
    public async Task InvalidUpdateIs400AndChangesNothing()
    {
        long id = (await Create("Ops")).Id();

        var response = await Api.PutJsonAsync("/v1/services/" + id, """{"title":null,"settings":[1]}""");

        Assert.Equal("""{"errors":{"params":{"title":["is not present"],"settings":["must be an object"]}}}""", response.Body);
        Assert.Equal("Ops", (await Api.GetAsync("/v1/services/" + id)).Json.GetProperty("title").GetString());
    }

    [Fact]
    public async Task DeleteIs204ThenTheServiceIsGone()
    {
        long id = (await Create("Ops")).Id();

        Assert.Equal(204, (await Api.DeleteAsync("/v1/services/" + id)).Status);
        Assert.Equal(404, (await Api.GetAsync("/v1/services/" + id)).Status);
        Assert.Equal(404, (await Api.DeleteAsync("/v1/services/" + id)).Status);
    }

    [Fact]
    public async Task DeletingAServiceDetachesItFromEveryAlert()
    {
        long keep = (await Create("Keep")).Id();
        long gone = (await Create("Gone")).Id();
        long first = (await Api.PostJsonAsync("/v1/alerts", $$"""{"name":"a.one","services":[{{gone}},{{keep}}]}""")).Id();
        long second = (await Api.PostJsonAsync("/v1/alerts", $$"""{"name":"a.two","services":["{{gone}}"]}""")).Id();

        await Api.DeleteAsync("/v1/services/" + gone);

        var one = (await Api.GetAsync("/v1/alerts/" + first)).Json.GetProperty("services");
        Assert.Equal(new[] { keep }, one.EnumerateArray().Select(s => s.GetProperty("id").GetInt64()));
        Assert.Equal("[]", (await Api.GetAsync("/v1/alerts/" + second)).Json.GetProperty("services").GetRawText());
    }

    [Fact]
    public async Task ListIsPaginatedAndOrderedByTitle()
    {
        foreach (string title in new[] { "delta", "Alpha", "charlie", "bravo" })
        {
            await Create(title);
        }

        var all = await Api.GetAsync("/v1/services");
        var page = await Api.GetAsync("/v1/services?offset=1&length=2");
        var descending = await Api.GetAsync("/v1/services?sort=desc");
        var past = await Api.GetAsync("/v1/services?offset=10");

        Assert.Equal(new[] { "Alpha", "bravo", "charlie", "delta" }, Titles(all));
        Assert.Equal("""{"found":4,"length":4,"offset":0,"total":4}""", all.Json.GetProperty("query").GetRawText());
        Assert.Equal(new[] { "query", "services" }, all.Json.EnumerateObject().Select(p => p.Name));
        Assert.Equal(new[] { "bravo", "charlie" }, Titles(page));
        Assert.Equal("""{"found":4,"length":2,"offset":1,"total":4}""", page.Json.GetProperty("query").GetRawText());
        Assert.Equal(new[] { "delta", "charlie", "bravo", "Alpha" }, Titles(descending));
        Assert.Empty(Titles(past));
        Assert.Equal("""{"found":4,"length":0,"offset":10,"total":4}""", past.Json.GetProperty("query").GetRawText());
    }

    [Fact]
    public async Task ListCanBeOrderedByUpdatedAt()
    {
        long b = (await Create("b")).Id();
        await Create("a");

        var response = await Api.GetAsync("/v1/services?orderby=updated_at");

        Assert.Equal(200, response.Status);
        Assert.Equal(2, Titles(response).Length);
        Assert.Contains(b, response.Json.GetProperty("services").EnumerateArray().Select(s => s.GetProperty("id").GetInt64()));
    }

    [Theory]
    [InlineData("orderby=name", """{"errors":{"params":{"orderby":["is not included in the list"]}}}""")]
    [InlineData("length=101", """{"errors":{"params":{"length":["must be less than or equal to 100"]}}}""")]
    [InlineData("length=0", """{"errors":{"params":{"length":["must be greater than 0"]}}}""")]
    [InlineData("offset=-1", """{"errors":{"params":{"offset":["must be greater than or equal to 0"]}}}""")]
    [InlineData("sort=up", """{"errors":{"params":{"sort":["is not included in the list"]}}}""")]
    public async Task BadPaginationIs400(string query, string expected)
    {
        var response = await Api.GetAsync("/v1/services?" + query);

        Assert.Equal(400, response.Status);
        Assert.Equal(expected, response.Body);
    }

    [Fact]
    public async Task EachAccountHasItsOwnServices()
    {
        long id = (await Create("Mine")).Id();

        Assert.Equal(404, (await Fixture.Other.GetAsync("/v1/services/" + id)).Status);
        Assert.Equal(0, (await Fixture.Other.GetAsync("/v1/services")).Json.GetProperty("query").GetProperty("total").GetInt32());
    }
}
