using System.Linq;
using System.Text.Json;
using System.Threading.Tasks;
using Librato.Emulator.Tests.Support;
using Xunit;

namespace Librato.Emulator.Tests.Resources;

public sealed class AlertTests : EmulatorTestBase
{
    public AlertTests(EmulatorFixture fixture)
        : base(fixture)
    {
    }

    private async Task<long> Service(string title = "librato-services")
    {
        var response = await Api.PostJsonAsync("/v1/services",
            $$"""{"title":"{{title}}","type":"slack","settings":{"url":"https://hooks.slack.com/x"} }""");
        Assert.Equal(201, response.Status);
        return response.Id();
    }

    private async Task<long> Alert(string json)
    {
        var response = await Api.PostJsonAsync("/v1/alerts", json);
        Assert.True(response.Status == 201, response.ToString());
        return response.Id();
    }

    private static string[] Names(ApiResponse response) =>
        response.Json.GetProperty("alerts").EnumerateArray().Select(a => a.GetProperty("name").GetString()!).ToArray();

    private Task<ApiResponse> Post(string json) => Api.PostJsonAsync("/v1/alerts", json);

    [Fact]
    public async Task CreateIs201WithConditionsAndExpandedServices()
    {
        long service = await Service();

        var response = await Post($$"""
            {"name":"production.web.frontend.response_time","description":"Web Response Time",
             "conditions":[{"type":"above","metric_name":"web.nginx.response_time","threshold":200,"summary_function":"max",
               "tags":[{"name":"tag_name","grouped":false,"values":["tag_value"]}]}],
             "services":[{{service}}],"attributes":{"runbook_url":"http://myco.com/runbooks/response_time"},"active":true,"md":true}
            """);

        Assert.Equal(201, response.Status);
        var alert = response.Json;
        long id = alert.GetProperty("id").GetInt64();
        long condition = alert.GetProperty("conditions")[0].GetProperty("id").GetInt64();
        long created = alert.GetProperty("created_at").GetInt64();
        Assert.Equal("/v1/alerts/" + id, response.Location());
        Assert.InRange(created, Now - 5, Now + 1);
        Assert.Equal(
            $$"""
            {"id":{{id}},"name":"production.web.frontend.response_time","description":"Web Response Time",
            "conditions":[{"id":{{condition}},"type":"above","metric_name":"web.nginx.response_time","source":null,"threshold":200,
            "summary_function":"max","duration":null,"detect_reset":true,"tags":[{"name":"tag_name","grouped":false,"values":["tag_value"]}]}],
            "services":[{"id":{{service}},"type":"slack","settings":{"url":"https://hooks.slack.com/x"},"title":"librato-services"}],
            "attributes":{"runbook_url":"http://myco.com/runbooks/response_time"},"active":true,"created_at":{{created}},"updated_at":{{created}},
            "version":2,"rearm_seconds":600,"rearm_per_signal":false,"md":true}
            """.Replace("\n", "").Replace("\r", ""),
            response.Body);
        Assert.Equal(response.Body, (await Api.GetAsync("/v1/alerts/" + id)).Body);
    }

    [Fact]
    public async Task AcceptsWhatThePythonClientSends()
    {
        long service = await Service();

        var response = await Post($$"""
            {"name":"py.alert","md":false,"attributes":{},"version":2,"description":null,"rearm_seconds":null,"active":true,
             "services":["{{service}}"],
             "conditions":[{"condition_type":"above","metric_name":"cpu","source":"*","tags":{},"summary_function":"average","duration":null,"threshold":90},
                           {"type":"absent","metric_name":"cpu","source":"*","tags":{},"summary_function":null,"duration":600}]}
            """);

        Assert.Equal(201, response.Status);
        var conditions = response.Json.GetProperty("conditions");
        Assert.Equal("above", conditions[0].GetProperty("type").GetString());
        Assert.Equal("*", conditions[0].GetProperty("source").GetString());
        Assert.Equal("[]", conditions[0].GetProperty("tags").GetRawText());
        Assert.Equal(90, conditions[0].GetProperty("threshold").GetDouble());
        Assert.Equal("absent", conditions[1].GetProperty("type").GetString());
        Assert.Equal(JsonValueKind.Null, conditions[1].GetProperty("threshold").ValueKind);
        Assert.Equal(JsonValueKind.Null, conditions[1].GetProperty("summary_function").ValueKind);
        Assert.Equal(600, conditions[1].GetProperty("duration").GetInt64());
        Assert.Equal(600, response.Json.GetProperty("rearm_seconds").GetInt64());
        Assert.Equal(service, response.Json.GetProperty("services")[0].GetProperty("id").GetInt64());
    }

    [Fact]
    public async Task TagsGivenAsAnObjectBecomeTagFilters()
    {
        var response = await Post("""
            {"name":"t","conditions":[{"type":"below","metric_name":"m","threshold":"1.5","tags":{"Env":"prod-*","region":["us","eu"]}}]}
            """);

        Assert.Equal(201, response.Status);
        var condition = response.Json.GetProperty("conditions")[0];
        Assert.Equal(1.5, condition.GetProperty("threshold").GetDouble());
        Assert.Equal("average", condition.GetProperty("summary_function").GetString());
        Assert.Equal(
            """[{"name":"env","grouped":false,"values":["prod-*"]},{"name":"region","grouped":false,"values":["us","eu"]}]""",
            condition.GetProperty("tags").GetRawText());
    }

    [Fact]
    public async Task CreateAcceptsFormFields()
    {
        long service = await Service();

        var response = await Api.PostFormAsync("/v1/alerts",
            $"name=form.alert&services[]={service}&conditions[0][type]=above&conditions[0][metric_name]=cpu&conditions[0][threshold]=5" +
            "&conditions[0][duration]=120&conditions[0][tags][0][name]=env&conditions[0][tags][0][values][]=prod&active=false&rearm_seconds=120");

        Assert.Equal(201, response.Status);
        var alert = response.Json;
        Assert.False(alert.GetProperty("active").GetBoolean());
        Assert.Equal(120, alert.GetProperty("rearm_seconds").GetInt64());
        Assert.Equal(120, alert.GetProperty("conditions")[0].GetProperty("duration").GetInt64());
        Assert.Equal("""[{"name":"env","grouped":false,"values":["prod"]}]""", alert.GetProperty("conditions")[0].GetProperty("tags").GetRawText());
        Assert.Equal(service, alert.GetProperty("services")[0].GetProperty("id").GetInt64());
    }

    [Fact]
    public async Task CountersDefaultToTheDerivative()
    {
        await Api.PostJsonAsync("/v1/metrics", $$"""{"counters":[{"name":"requests","value":1,"measure_time":{{Now}} }]}""");

        var response = await Post("""{"name":"c","conditions":[{"type":"above","metric_name":"requests","threshold":10}]}""");

        Assert.Equal("derivative", response.Json.GetProperty("conditions")[0].GetProperty("summary_function").GetString());
    }

    [Fact]
    public async Task UnderscoresAreAllowedInNames()
    {
        Assert.Equal(201, (await Post("""{"name":"a_b.c-d:e"}""")).Status);
    }

    [Theory]
    [InlineData("""{}""", """{"name":["is not present"]}""")]
    [InlineData("""{"name":"bad name!"}""", """{"name":["is invalid"]}""")]
    [InlineData("""{"name":"n","version":3}""", """{"version":["is not included in the list"]}""")]
    [InlineData("""{"name":"n","rearm_seconds":90}""", """{"rearm_seconds":["must be a multiple of 60"]}""")]
    [InlineData("""{"name":"n","active":"maybe"}""", """{"active":["must be true or false"]}""")]
    [InlineData("""{"name":"n","attributes":[]}""", """{"attributes":["must be an object"]}""")]
    [InlineData("""{"name":"n","services":"x"}""", """{"services":["must be a list of service ids"]}""")]
    [InlineData("""{"name":"n","conditions":{}}""", """{"conditions":["must be an array"]}""")]
    [InlineData("""{"name":"n","conditions":[1]}""", """{"conditions":["conditions[0] must be an object"]}""")]
    [InlineData("""{"name":"n","conditions":[{"metric_name":"m"}]}""", """{"conditions":["conditions[0] type is not present"]}""")]
    [InlineData("""{"name":"n","conditions":[{"type":"over","metric_name":"m"}]}""", """{"conditions":["conditions[0] type is not included in the list"]}""")]
    [InlineData("""{"name":"n","conditions":[{"type":"above","threshold":1}]}""", """{"conditions":["conditions[0] metric_name is not present"]}""")]
    [InlineData("""{"name":"n","conditions":[{"type":"above","metric_name":"a b","threshold":1}]}""", """{"conditions":["conditions[0] metric_name is invalid"]}""")]
    [InlineData("""{"name":"n","conditions":[{"type":"above","metric_name":"m"}]}""", """{"conditions":["conditions[0] threshold is not present"]}""")]
    [InlineData("""{"name":"n","conditions":[{"type":"below","metric_name":"m","threshold":"x"}]}""", """{"conditions":["conditions[0] threshold is not a number"]}""")]
    [InlineData("""{"name":"n","conditions":[{"type":"above","metric_name":"m","threshold":1,"summary_function":"median"}]}""", """{"conditions":["conditions[0] summary_function is not included in the list"]}""")]
    [InlineData("""{"name":"n","conditions":[{"type":"above","metric_name":"m","threshold":1,"duration":59}]}""", """{"conditions":["conditions[0] duration must be between 60 and 3600"]}""")]
    [InlineData("""{"name":"n","conditions":[{"type":"above","metric_name":"m","threshold":1,"duration":3601}]}""", """{"conditions":["conditions[0] duration must be between 60 and 3600"]}""")]
    [InlineData("""{"name":"n","conditions":[{"type":"absent","metric_name":"m"}]}""", """{"conditions":["conditions[0] duration is not present"]}""")]
    [InlineData("""{"name":"n","conditions":[{"type":"absent","metric_name":"m","duration":null}]}""", """{"conditions":["conditions[0] duration is not present"]}""")]
    [InlineData("""{"name":"n","conditions":[{"type":"above","metric_name":"m","threshold":1,"tags":[{"name":"env","values":[]}]}]}""", """{"conditions":["conditions[0] tags 'env' needs at least one value"]}""")]
    [InlineData("""{"name":"n","conditions":[{"type":"above","metric_name":"m","threshold":1,"tags":[{"values":["x"]}]}]}""", """{"conditions":["conditions[0] tags must be a list of {\"name\",\"values\"} with valid tag names"]}""")]
    [InlineData("""{"name":"n","conditions":[{"type":"above","metric_name":"m","threshold":1,"tags":{"env":"a|b"}}]}""", """{"conditions":["conditions[0] tags 'a|b' is not a valid value for tag 'env'"]}""")]
    public async Task InvalidAlertsAre400(string json, string expectedParams)
    {
        var response = await Post(json);

        Assert.Equal(400, response.Status);
        Assert.Equal("{\"errors\":{\"params\":" + expectedParams + "}}", response.Body);
        Assert.Equal(0, (await Api.GetAsync("/v1/alerts?version=2")).Json.GetProperty("query").GetProperty("total").GetInt32());
    }

    [Fact]
    public async Task NameLongerThan255Is400()
    {
        var response = await Post($$"""{"name":"{{new string('a', 256)}}"}""");

        Assert.Equal("""{"errors":{"params":{"name":["is too long (maximum is 255 characters)"]}}}""", response.Body);
    }

    [Fact]
    public async Task UnknownServicesAre400()
    {
        long service = await Service();

        var response = await Post($$"""{"name":"n","services":[{{service}},998,999]}""");

        Assert.Equal("""{"errors":{"params":{"services":["service 998 does not exist","service 999 does not exist"]}}}""", response.Body);
    }

    [Fact]
    public async Task DuplicateNamesAre422()
    {
        await Alert("""{"name":"dup.alert"}""");

        var response = await Post("""{"name":"DUP.alert"}""");

        Assert.Equal(422, response.Status);
        Assert.Equal("""{"errors":{"params":{"name":["has already been taken"]}}}""", response.Body);
    }

    [Fact]
    public async Task PutReplacesConditionsAndKeepsWhatIsNotSent()
    {
        long service = await Service();
        long id = await Alert($$"""
            {"name":"cpu.high","description":"d","services":[{{service}}],"attributes":{"runbook_url":"u"},
             "conditions":[{"type":"above","metric_name":"cpu","threshold":90}]}
            """);

        var response = await Api.PutJsonAsync("/v1/alerts/" + id, """{"name":"cpu.high","description":"new","active":false}""");

        Assert.Equal(204, response.Status);
        var alert = (await Api.GetAsync("/v1/alerts/" + id)).Json;
        Assert.Equal("[]", alert.GetProperty("conditions").GetRawText());
        Assert.Equal("new", alert.GetProperty("description").GetString());
        Assert.False(alert.GetProperty("active").GetBoolean());
        Assert.Equal(service, alert.GetProperty("services")[0].GetProperty("id").GetInt64());
        Assert.Equal("""{"runbook_url":"u"}""", alert.GetProperty("attributes").GetRawText());
    }

    [Fact]
    public async Task PutKeepsTheIdsOfConditionsSentBack()
    {
        long id = await Alert("""{"name":"n","conditions":[{"type":"above","metric_name":"cpu","threshold":90}]}""");
        var before = (await Api.GetAsync("/v1/alerts/" + id)).Json;
        long condition = before.GetProperty("conditions")[0].GetProperty("id").GetInt64();

        await Api.PutJsonAsync("/v1/alerts/" + id, $$"""
            {"name":"n","conditions":[{"id":{{condition}},"type":"above","metric_name":"cpu","threshold":95},
                                       {"type":"absent","metric_name":"cpu","duration":300}],"services":[],"attributes":null,"rearm_seconds":null}
            """);

        var after = (await Api.GetAsync("/v1/alerts/" + id)).Json;
        var conditions = after.GetProperty("conditions");
        Assert.Equal(condition, conditions[0].GetProperty("id").GetInt64());
        Assert.Equal(95, conditions[0].GetProperty("threshold").GetDouble());
        Assert.NotEqual(condition, conditions[1].GetProperty("id").GetInt64());
        Assert.Equal("{}", after.GetProperty("attributes").GetRawText());
        Assert.Equal(600, after.GetProperty("rearm_seconds").GetInt64());
        Assert.True(after.GetProperty("updated_at").GetInt64() >= before.GetProperty("updated_at").GetInt64());
    }

    [Fact]
    public async Task PutValidatesLikePost()
    {
        long id = await Alert("""{"name":"n"}""");
        await Alert("""{"name":"other"}""");

        var invalid = await Api.PutJsonAsync("/v1/alerts/" + id, """{"conditions":[{"type":"above","metric_name":"m"}]}""");
        var taken = await Api.PutJsonAsync("/v1/alerts/" + id, """{"name":"OTHER"}""");
        var same = await Api.PutJsonAsync("/v1/alerts/" + id, """{"name":"N"}""");
        var missingService = await Api.PutJsonAsync("/v1/alerts/" + id, """{"services":[12345]}""");

        Assert.Equal("""{"errors":{"params":{"conditions":["conditions[0] threshold is not present"]}}}""", invalid.Body);
        Assert.Equal(422, taken.Status);
        Assert.Equal(204, same.Status);
        Assert.Equal("""{"errors":{"params":{"services":["service 12345 does not exist"]}}}""", missingService.Body);
        Assert.Equal("N", (await Api.GetAsync("/v1/alerts/" + id)).Json.GetProperty("name").GetString());
    }

    [Theory]
    [InlineData("/v1/alerts/424242")]
    [InlineData("/v1/alerts/x")]
    public async Task UnknownAlertIs404(string path)
    {
        var response = await Api.GetAsync(path);

        Assert.Equal(404, response.Status);
        Assert.Equal("""{"errors":{"request":["Alert not found"]}}""", response.Body);
        Assert.Equal(404, (await Api.PutJsonAsync(path, """{"name":"n"}""")).Status);
        Assert.Equal(404, (await Api.DeleteAsync(path)).Status);
    }

    [Fact]
    public async Task DeleteIs204()
    {
        long id = await Alert("""{"name":"n"}""");

        Assert.Equal(204, (await Api.DeleteAsync("/v1/alerts/" + id)).Status);
        Assert.Equal(404, (await Api.GetAsync("/v1/alerts/" + id)).Status);
        Assert.Equal(201, (await Post("""{"name":"n"}""")).Status);
    }

    [Fact]
    public async Task ListFiltersByNameIgnoringCase()
    {
        foreach (string name in new[] { "production.web", "Production.db", "staging.web" })
        {
            await Alert($$"""{"name":"{{name}}"}""");
        }

        var response = await Api.GetAsync("/v1/alerts?name=PRODUCTION");

        Assert.Equal(new[] { "production.web", "Production.db" }, Names(response));
        Assert.Equal("""{"found":2,"length":2,"offset":0,"total":3}""", response.Json.GetProperty("query").GetRawText());
    }

    [Fact]
    public async Task ListShowsVersionTwoUnlessAskedForVersionOne()
    {
        await Alert("""{"name":"new"}""");
        await Alert("""{"name":"old","version":1}""");

        Assert.Equal(new[] { "new" }, Names(await Api.GetAsync("/v1/alerts")));
        Assert.Equal(new[] { "old" }, Names(await Api.GetAsync("/v1/alerts?version=1")));
        Assert.Equal(
            """{"errors":{"params":{"version":["is not included in the list"]}}}""",
            (await Api.GetAsync("/v1/alerts?version=3")).Body);
    }

    [Fact]
    public async Task ListIsPaginatedByUpdatedAt()
    {
        for (int i = 0; i < 5; i++)
        {
            await Alert($$"""{"name":"a{{i}}"}""");
        }

        var page = await Api.GetAsync("/v1/alerts?offset=3&length=2");
        var descending = await Api.GetAsync("/v1/alerts?sort=desc&length=1");

        Assert.Equal(new[] { "a3", "a4" }, Names(page));
        Assert.Equal("""{"found":5,"length":2,"offset":3,"total":5}""", page.Json.GetProperty("query").GetRawText());
        Assert.Equal(new[] { "a4" }, Names(descending));
        Assert.Equal(400, (await Api.GetAsync("/v1/alerts?orderby=name")).Status);
    }
}
