using System.Linq;
using System.Text.Json;
using System.Threading.Tasks;
using Librato.Emulator.Tests.Support;
using Xunit;

namespace Librato.Emulator.Tests.Resources;

public sealed class AnnotationTests : EmulatorTestBase
{
    public AnnotationTests(EmulatorFixture fixture)
        : base(fixture)
    {
    }

    private async Task<long> Event(string stream, string json)
    {
        var response = await Api.PostJsonAsync("/v1/annotations/" + stream, json);
        Assert.True(response.Status == 201, response.ToString());
        return response.Id();
    }

    private static string[] Titles(JsonElement events, string source) =>
        events.GetProperty(source).EnumerateArray().Select(e => e.GetProperty("title").GetString()!).ToArray();

    [Fact]
    public async Task CreatingAnEventIs201WithLocationAndCreatesTheStream()
    {
        var response = await Api.PostJsonAsync("/v1/annotations/api-deploys",
            """{"title":"My Annotation","description":"Joe deployed v29 to metrics","start_time":1234567890}""");

        Assert.Equal(201, response.Status);
        long id = response.Id();
        Assert.Equal($"/v1/annotations/api-deploys/{id}", response.Location());
        Assert.Equal(
            $$"""{"id":{{id}},"title":"My Annotation","description":"Joe deployed v29 to metrics","source":null,"start_time":1234567890,"end_time":null,"links":[]}""",
            response.Body);
        Assert.Equal("""{"name":"api-deploys","display_name":"api-deploys"}""", (await Api.GetAsync("/v1/annotations/api-deploys")).Body);
        Assert.Equal(response.Body, (await Api.GetAsync($"/v1/annotations/api-deploys/{id}")).Body);
    }

    [Fact]
    public async Task StartTimeDefaultsToNow()
    {
        var response = await Api.PostJsonAsync("/v1/annotations/deploys", """{"title":"now"}""");

        Assert.InRange(response.Json.GetProperty("start_time").GetInt64(), Now - 5, Now + 1);
    }

    [Fact]
    public async Task CreatingAcceptsFormFieldsWithLinks()
    {
        var response = await Api.PostFormAsync("/v1/annotations/api-deploys",
            "title=My+Annotation&source=foo3.bar.com&start_time=1234567890&end_time=1234567900" +
            "&links[0][label]=Metrics+Gem&links[0][href]=https://github.com/librato/librato-metrics&links[0][rel]=github");

        Assert.Equal(201, response.Status);
        Assert.Equal("foo3.bar.com", response.Json.GetProperty("source").GetString());
        Assert.Equal(1234567900, response.Json.GetProperty("end_time").GetInt64());
        Assert.Equal(
            """[{"rel":"github","label":"Metrics Gem","href":"https://github.com/librato/librato-metrics"}]""",
            response.Json.GetProperty("links").GetRawText());
    }

    [Theory]
    [InlineData("""{}""", """{"title":["is not present"]}""")]
    [InlineData("""{"title":"t","start_time":"soon"}""", """{"start_time":["is not a number"]}""")]
    [InlineData("""{"title":"t","start_time":20,"end_time":10}""", """{"start_time":["must be before end_time"]}""")]
    [InlineData("""{"title":"t","source":"bad source"}""", """{"source":["is invalid"]}""")]
    [InlineData("""{"title":"t","links":{}}""", """{"links":["must be an array"]}""")]
    [InlineData("""{"title":"t","links":[{"rel":"a"}]}""", """{"links":["links[0] href is not present"]}""")]
    [InlineData("""{"title":"t","links":[{"rel":"a","href":"x"},{"rel":"a","href":"y"}]}""", """{"links":["links[1] rel must be unique within the event"]}""")]
    public async Task InvalidEventsAre400AndCreateNothing(string json, string expectedParams)
    {
        var response = await Api.PostJsonAsync("/v1/annotations/deploys", json);

        Assert.Equal(400, response.Status);
        Assert.Equal("{\"errors\":{\"params\":" + expectedParams + "}}", response.Body);
        Assert.Equal(404, (await Api.GetAsync("/v1/annotations/deploys")).Status);
    }

    [Fact]
    public async Task AnInvalidStreamNameIs400()
    {
        var response = await Api.PostJsonAsync("/v1/annotations/bad%20name", """{"title":"t"}""");

        Assert.Equal("""{"errors":{"params":{"name":["is invalid"]}}}""", response.Body);
    }

    [Fact]
    public async Task EventsAreGroupedBySourceInStartTimeOrder()
    {
        long t = Now - 100;
        await Event("deployment", $$"""{"title":"second","start_time":{{t + 20}} }""");
        await Event("deployment", $$"""{"title":"first","start_time":{{t + 10}} }""");
        await Event("deployment", $$"""{"title":"box","start_time":{{t + 5}},"source":"box1"}""");
        await Event("deployment", $$"""{"title":"too old","start_time":{{t - 1000}} }""");

        var response = await Api.GetAsync($"/v1/annotations/deployment?start_time={t}");

        Assert.Equal(200, response.Status);
        var json = response.Json;
        Assert.Equal(new[] { "name", "display_name", "events" }, json.EnumerateObject().Select(p => p.Name));
        Assert.Equal(new[] { "unassigned", "box1" }, json.GetProperty("events").EnumerateObject().Select(p => p.Name));
        Assert.Equal(new[] { "first", "second" }, Titles(json.GetProperty("events"), "unassigned"));
        Assert.Equal(new[] { "box" }, Titles(json.GetProperty("events"), "box1"));
    }

    [Fact]
    public async Task AnEmptyWindowHasAnEmptyEventsObject()
    {
        await Event("d", """{"title":"x","start_time":1000}""");

        var response = await Api.GetAsync("/v1/annotations/d?start_time=2000&end_time=3000");

        Assert.Equal("""{"name":"d","display_name":"d","events":{}}""", response.Body);
    }

    [Fact]
    public async Task EndTimeAndDurationBoundTheWindow()
    {
        await Event("d", """{"title":"a","start_time":1000}""");
        await Event("d", """{"title":"b","start_time":2000}""");
        await Event("d", """{"title":"c","start_time":3000}""");

        var window = (await Api.GetAsync("/v1/annotations/d?start_time=1000&end_time=2000")).Json.GetProperty("events");
        var duration = (await Api.GetAsync("/v1/annotations/d?end_time=3000&duration=1000")).Json.GetProperty("events");

        Assert.Equal(new[] { "a", "b" }, Titles(window, "unassigned"));
        Assert.Equal(new[] { "b", "c" }, Titles(duration, "unassigned"));
    }

    [Fact]
    public async Task CountTakesTheFirstOrTheLastEvents()
    {
        for (int i = 1; i <= 4; i++)
        {
            await Event("d", $$"""{"title":"e{{i}}","start_time":{{i * 1000}} }""");
        }

        var first = (await Api.GetAsync("/v1/annotations/d?start_time=1500&count=2")).Json.GetProperty("events");
        var last = (await Api.GetAsync("/v1/annotations/d?end_time=3500&count=2")).Json.GetProperty("events");

        Assert.Equal(new[] { "e2", "e3" }, Titles(first, "unassigned"));
        Assert.Equal(new[] { "e2", "e3" }, Titles(last, "unassigned"));
    }

    [Fact]
    public async Task SourcesLimitTheEventsAndAcceptWildcards()
    {
        long t = Now - 100;
        foreach (string source in new[] { "server_1", "server_2", "db-1" })
        {
            await Event("backups", $$"""{"title":"{{source}}","source":"{{source}}","start_time":{{t}} }""");
        }

        await Event("backups", $$"""{"title":"none","start_time":{{t}} }""");

        var exact = (await Api.GetAsync($"/v1/annotations/backups?start_time={t}&sources[]=server_1&sources[]=server_3")).Json;
        var wildcard = (await Api.GetAsync($"/v1/annotations/backups?start_time={t}&sources[]=DB-*")).Json;
        var everything = (await Api.GetAsync($"/v1/annotations/backups?start_time={t}&sources[]=*")).Json;

        Assert.Equal(new[] { "server_1" }, exact.GetProperty("events").EnumerateObject().Select(p => p.Name));
        Assert.Equal(new[] { "db-1" }, wildcard.GetProperty("events").EnumerateObject().Select(p => p.Name));
        Assert.Equal(4, everything.GetProperty("events").EnumerateObject().Count());
    }

    [Theory]
    [InlineData("start_time=20&end_time=10", """{"start_time":["must be before end_time"]}""")]
    [InlineData("end_time=10", """{"start_time":["is not present"]}""")]
    [InlineData("start_time=abc", """{"start_time":["is not a number"]}""")]
    [InlineData("count=0", """{"count":["must be greater than 0"]}""")]
    public async Task BadTimeParametersAre400(string query, string expectedParams)
    {
        await Event("d", """{"title":"x"}""");

        var response = await Api.GetAsync("/v1/annotations/d?" + query);

        Assert.Equal(400, response.Status);
        Assert.Equal("{\"errors\":{\"params\":" + expectedParams + "}}", response.Body);
    }

    [Fact]
    public async Task MissingStreamsAndEventsAre404()
    {
        long id = await Event("d", """{"title":"x"}""");

        Assert.Equal("""{"errors":{"request":["Annotation stream not found"]}}""", (await Api.GetAsync("/v1/annotations/nope")).Body);
        Assert.Equal(404, (await Api.GetAsync("/v1/annotations/nope?start_time=1")).Status);
        Assert.Equal(404, (await Api.GetAsync($"/v1/annotations/nope/{id}")).Status);
        Assert.Equal("""{"errors":{"request":["Annotation event not found"]}}""", (await Api.GetAsync("/v1/annotations/d/424242")).Body);
        Assert.Equal(404, (await Api.GetAsync("/v1/annotations/d/abc")).Status);
        Assert.Equal(404, (await Api.PutJsonAsync("/v1/annotations/nope", """{"display_name":"x"}""")).Status);
        Assert.Equal(404, (await Api.PutJsonAsync("/v1/annotations/d/424242", """{"title":"x"}""")).Status);
        Assert.Equal(404, (await Api.DeleteAsync("/v1/annotations/nope")).Status);
        Assert.Equal(404, (await Api.DeleteAsync("/v1/annotations/d/424242")).Status);
    }

    [Fact]
    public async Task StreamNamesIgnoreCase()
    {
        long id = await Event("Deploys", """{"title":"x"}""");
        await Event("deploys", """{"title":"y"}""");

        var stream = await Api.GetAsync("/v1/annotations/DEPLOYS?start_time=0");

        Assert.Equal("Deploys", stream.Json.GetProperty("name").GetString());
        Assert.Equal(2, stream.Json.GetProperty("events").GetProperty("unassigned").GetArrayLength());
        Assert.Equal(200, (await Api.GetAsync($"/v1/annotations/deploys/{id}")).Status);
    }

    [Fact]
    public async Task UpdatingTheStreamSetsItsDisplayName()
    {
        await Event("api-deploys", """{"title":"x"}""");

        var response = await Api.PutFormAsync("/v1/annotations/api-deploys", "display_name=Deploys+to+API");
        var empty = await Api.PutJsonAsync("/v1/annotations/api-deploys", """{"display_name":""}""");

        Assert.Equal(204, response.Status);
        Assert.Equal("""{"name":"api-deploys","display_name":"Deploys to API"}""", (await Api.GetAsync("/v1/annotations/api-deploys")).Body);
        Assert.Equal("""{"errors":{"params":{"display_name":["is not present"]}}}""", empty.Body);
    }

    [Fact]
    public async Task UpdatingAnEventChangesTheDocumentedFields()
    {
        long id = await Event("d", """{"title":"old","source":"s1","start_time":1000,"links":[{"rel":"a","href":"x"}]}""");

        var response = await Api.PutJsonAsync($"/v1/annotations/d/{id}",
            """{"title":"new","description":"desc","end_time":1060,"links":[{"rel":"b","href":"y","label":"Y"}]}""");

        Assert.Equal(204, response.Status);
        Assert.Equal(
            $$"""{"id":{{id}},"title":"new","description":"desc","source":"s1","start_time":1000,"end_time":1060,"links":[{"rel":"b","label":"Y","href":"y"}]}""",
            (await Api.GetAsync($"/v1/annotations/d/{id}")).Body);
    }

    [Fact]
    public async Task AnEndTimeBeforeTheStartIs400OnUpdate()
    {
        long id = await Event("d", """{"title":"t","start_time":1000}""");

        var response = await Api.PutJsonAsync($"/v1/annotations/d/{id}", """{"end_time":999}""");

        Assert.Equal("""{"errors":{"params":{"start_time":["must be before end_time"]}}}""", response.Body);
        Assert.Equal(JsonValueKind.Null, (await Api.GetAsync($"/v1/annotations/d/{id}")).Json.GetProperty("end_time").ValueKind);
    }

    [Fact]
    public async Task DeletingAnEventLeavesTheOthers()
    {
        long keep = await Event("deployment", """{"title":"deployed v46","start_time":1000}""");
        long gone = await Event("deployment", """{"title":"deployed v47","start_time":1001}""");

        Assert.Equal(204, (await Api.DeleteAsync($"/v1/annotations/deployment/{gone}")).Status);

        var events = (await Api.GetAsync("/v1/annotations/deployment?start_time=0")).Json.GetProperty("events");
        Assert.Equal(new[] { "deployed v46" }, Titles(events, "unassigned"));
        Assert.Equal(200, (await Api.GetAsync($"/v1/annotations/deployment/{keep}")).Status);
    }

    [Fact]
    public async Task DeletingAStreamDeletesItsEvents()
    {
        long id = await Event("deployment", """{"title":"x"}""");

        Assert.Equal(204, (await Api.DeleteAsync("/v1/annotations/deployment")).Status);
        Assert.Equal(404, (await Api.GetAsync("/v1/annotations/deployment")).Status);
        Assert.Equal(404, (await Api.GetAsync($"/v1/annotations/deployment/{id}")).Status);
    }

    [Fact]
    public async Task LinksCanBeAddedAndRemoved()
    {
        long id = await Event("app-deploys", """{"title":"x"}""");

        var added = await Api.PostFormAsync($"/v1/annotations/app-deploys/{id}/links",
            "rel=github&label=Github+Commit&href=https://github.com/acme/app/commits/01beaf");
        var duplicate = await Api.PostJsonAsync($"/v1/annotations/app-deploys/{id}/links", """{"rel":"github","href":"z"}""");
        var invalid = await Api.PostJsonAsync($"/v1/annotations/app-deploys/{id}/links", """{"label":"l"}""");

        Assert.Equal(201, added.Status);
        Assert.Equal($"/v1/annotations/app-deploys/{id}/links/github", added.Location());
        Assert.Equal("""{"rel":"github","label":"Github Commit","href":"https://github.com/acme/app/commits/01beaf"}""", added.Body);
        Assert.Equal(422, duplicate.Status);
        Assert.Equal("""{"errors":{"params":{"rel":["has already been taken"]}}}""", duplicate.Body);
        Assert.Equal("""{"errors":{"params":{"rel":["is not present"],"href":["is not present"]}}}""", invalid.Body);
        Assert.Equal(1, (await Api.GetAsync($"/v1/annotations/app-deploys/{id}")).Json.GetProperty("links").GetArrayLength());

        Assert.Equal(204, (await Api.DeleteAsync($"/v1/annotations/app-deploys/{id}/links/github")).Status);
        Assert.Equal(0, (await Api.GetAsync($"/v1/annotations/app-deploys/{id}")).Json.GetProperty("links").GetArrayLength());
        var again = await Api.DeleteAsync($"/v1/annotations/app-deploys/{id}/links/github");
        Assert.Equal("""{"errors":{"request":["Link not found"]}}""", again.Body);
        Assert.Equal(404, (await Api.PostJsonAsync("/v1/annotations/app-deploys/424242/links", """{"rel":"a","href":"b"}""")).Status);
    }

    [Fact]
    public async Task ListIsPaginatedAndFiltersByName()
    {
        foreach (string name in new[] { "deployment", "backups", "Api-deploys", "app-deploys" })
        {
            await Event(name, """{"title":"x"}""");
        }

        var all = await Api.GetAsync("/v1/annotations");
        var filtered = await Api.GetAsync("/v1/annotations?name=DEPLOY");
        var page = await Api.GetAsync("/v1/annotations?offset=1&length=1&sort=desc");

        Assert.Equal(
            """{"query":{"found":4,"length":4,"offset":0,"total":4},"annotations":[{"name":"Api-deploys","display_name":"Api-deploys"},{"name":"app-deploys","display_name":"app-deploys"},{"name":"backups","display_name":"backups"},{"name":"deployment","display_name":"deployment"}]}""",
            all.Body);
        Assert.Equal("""{"found":3,"length":3,"offset":0,"total":4}""", filtered.Json.GetProperty("query").GetRawText());
        Assert.Equal("backups", page.Json.GetProperty("annotations")[0].GetProperty("name").GetString());
        Assert.Equal(400, (await Api.GetAsync("/v1/annotations?orderby=id")).Status);
    }
}
