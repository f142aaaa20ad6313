using System.Linq;
using System.Net.Http;
using System.Text.Json;
using System.Threading.Tasks;
using Librato.Emulator.Tests.Support;
using Xunit;

namespace Librato.Emulator.Tests.Api;

public sealed class MetricBatchTests : EmulatorTestBase
{
    public MetricBatchTests(EmulatorFixture fixture)
        : base(fixture)
    {
    }

    private Task<ApiResponse> Delete(string json, ApiClient? client = null) =>
        (client ?? Api).SendAsync(new HttpRequestMessage(HttpMethod.Delete, "/v1/metrics") { Content = ApiClient.Body(json, false, "application/json") });

    private Task<ApiResponse> Update(string json) => Api.PutJsonAsync("/v1/metrics", json);

    private async Task Create(params string[] names)
    {
        string gauges = string.Join(",", names.Select(n => $$"""{"name":"{{n}}","value":1}"""));
        var response = await Api.PostJsonAsync("/v1/metrics", $$"""{"gauges":[{{gauges}}]}""");
        Assert.Equal(200, response.Status);
    }

    private string[] Names() => State.GetStats(EmulatorFixture.Email).PerMetric.Keys.OrderBy(n => n).ToArray();

    private async Task<JsonElement> Attributes(string name) => (await Api.GetAsync("/v1/metrics/" + name)).Json.GetProperty("attributes");

    [Fact]
    public async Task BatchDeleteByAListOfNamesIs204()
    {
        await Create("a", "b", "c");

        var response = await Delete("""{"names":["a","B","missing"]}""");

        Assert.Equal(204, response.Status);
        Assert.Equal(string.Empty, response.Body);
        Assert.Equal(new[] { "c" }, Names());
    }

    [Fact]
    public async Task BatchDeleteByAPatternWithExclusions()
    {
        await Create("cpu.user.90", "cpu.idle.90", "cpu.user.50", "disk.90");

        var response = await Delete("""{"names":"cpu*.90","exclude":["CPU.IDLE.90"]}""");

        Assert.Equal(204, response.Status);
        Assert.Equal(new[] { "cpu.idle.90", "cpu.user.50", "disk.90" }, Names());
    }

    [Fact]
    public async Task APatternMayComeAsAListOfOne()
    {
        await Create("web.a", "web.b", "db.a");

        Assert.Equal(204, (await Delete("""{"names":["web.*"]}""")).Status);

        Assert.Equal(new[] { "db.a" }, Names());
    }

    [Fact]
    public async Task BatchDeleteReadsNamesFromTheQueryWhenThereIsNoBody()
    {
        await Create("a", "b", "c");

        var response = await Api.DeleteAsync("/v1/metrics?names[]=a&names[]=c");

        Assert.Equal(204, response.Status);
        Assert.Equal(new[] { "b" }, Names());
    }

    [Fact]
    public async Task BatchDeleteOnlyTouchesTheCallersAccount()
    {
        await Create("shared");
        await Fixture.Other.PostJsonAsync("/v1/metrics", """{"gauges":[{"name":"shared","value":1}]}""");

        await Delete("""{"names":["shared"]}""", Fixture.Other);

        Assert.Equal(new[] { "shared" }, Names());
        Assert.Equal(0, State.GetStats(EmulatorFixture.OtherEmail).Metrics);
    }

    [Theory]
    [InlineData("""{}""", "names", "is required")]
    [InlineData("""{"names":[]}""", "names", "is required")]
    [InlineData("""{"names":5}""", "names", "must be a list of metric names or one wildcard pattern")]
    [InlineData("""{"names":["a",1]}""", "names", "must be a list of metric names or one wildcard pattern")]
    [InlineData("""{"names":["a*","b"]}""", "names", "takes either a list of names or one wildcard pattern, not both")]
    [InlineData("""{"names":["a"],"exclude":{"x":1}}""", "exclude", "must be a list of metric names")]
    public async Task BatchDeleteValidatesItsSelection(string body, string param, string message)
    {
        await Create("a");

        var response = await Delete(body);

        Assert.Equal(400, response.Status);
        Assert.Equal(ExpectedBodies.ParamError(param, message), response.Body);
        Assert.Equal(new[] { "a" }, Names());
    }

    [Fact]
    public async Task BatchDeleteWithoutNamesAnywhereIs400()
    {
        var response = await Api.DeleteAsync("/v1/metrics");

        Assert.Equal(ExpectedBodies.ParamError("names", "is required"), response.Body);
    }

    [Fact]
    public async Task UnparseableBatchBodyIs400()
    {
        var response = await Delete("{not json");

        Assert.Equal(400, response.Status);
        Assert.Equal("""{"errors":{"request":["Could not parse the request body as JSON"]}}""", response.Body);
    }

    [Fact]
    public async Task OneHundredMetricsAreDeletedAtOnceButMoreGoThroughAJob()
    {
        await Create(Enumerable.Range(0, 100).Select(i => $"small.{i}").ToArray());
        await Create(Enumerable.Range(0, 101).Select(i => $"large.{i}").ToArray());

        var small = await Delete("""{"names":"small.*"}""");
        var large = await Delete("""{"names":"large.*"}""");

        Assert.Equal(204, small.Status);
        Assert.Equal(202, large.Status);
        string location = large.Message.Headers.Location!.OriginalString;
        Assert.Matches("^/v1/jobs/[0-9]+$", location);
        Assert.Empty(Names());
        var job = await Api.GetAsync(location);
        Assert.Equal(200, job.Status);
        long id = long.Parse(location.Split('/').Last(), System.Globalization.CultureInfo.InvariantCulture);
        Assert.Equal($$"""{"id":{{id}},"state":"complete","progress":100}""", job.Body);
        Assert.Equal(job.Body, large.Body);
    }

    [Fact]
    public async Task JobsBelongToTheirAccount()
    {
        await Create(Enumerable.Range(0, 101).Select(i => $"m.{i}").ToArray());
        string location = (await Delete("""{"names":"m.*"}""")).Message.Headers.Location!.OriginalString;
        long id = long.Parse(location.Split('/').Last(), System.Globalization.CultureInfo.InvariantCulture);

        var other = await Fixture.Other.GetAsync(location);
        var unknown = await Api.GetAsync("/v1/jobs/" + (id + 1));
        var notANumber = await Api.GetAsync("/v1/jobs/abc");

        Assert.Equal(404, other.Status);
        Assert.Equal("""{"errors":{"request":["Job not found"]}}""", other.Body);
        Assert.Equal(404, unknown.Status);
        Assert.Equal(404, notANumber.Status);
    }

    [Fact]
    public async Task BatchJobsAndSnapshotJobsShareOneStoreThatResetClears()
    {
        long space = (await Api.PostJsonAsync("/v1/spaces", """{"name":"s"}""")).Id();
        long chart = (await Api.PostJsonAsync($"/v1/spaces/{space}/charts", """{"name":"c","type":"stacked"}""")).Id();
        var snapshot = await Api.PostJsonAsync("/v1/snapshots", $$$"""{"subject":{"chart":{"id":{{{chart}}} } } }""");
        string snapshotJob = new System.Uri(snapshot.Json.GetProperty("job_href").GetString()!).AbsolutePath;
        await Create(Enumerable.Range(0, 101).Select(i => $"m.{i}").ToArray());

        string batchJob = (await Delete("""{"names":"m.*"}""")).Message.Headers.Location!.OriginalString;

        Assert.NotEqual(snapshotJob, batchJob);
        foreach (string path in new[] { snapshotJob, batchJob })
        {
            long id = long.Parse(path.Split('/').Last(), System.Globalization.CultureInfo.InvariantCulture);
            Assert.Equal($$"""{"id":{{id}},"state":"complete","progress":100}""", (await Api.GetAsync(path)).Body);
        }

        var reset = await Fixture.Anonymous.SendAsync(new HttpRequestMessage(HttpMethod.Post, "/_emulator/reset?user=" + EmulatorFixture.Email));

        Assert.Equal(204, reset.Status);
        Assert.Equal(404, (await Api.GetAsync(batchJob)).Status);
        Assert.Equal(404, (await Api.GetAsync(snapshotJob)).Status);
    }

    [Fact]
    public async Task BatchUpdateTakesTopLevelAttributesAndProperties()
    {
        await Create("cpu", "servers", "reqs");

        var response = await Update("""{"names":["cpu","servers","missing"],"period":60,"display_min":0,"display_units_short":"ms"}""");

        Assert.Equal(204, response.Status);
        var cpu = State.GetMetric(EmulatorFixture.Email, "cpu")!;
        Assert.Equal(60, cpu.Period);
        Assert.Equal(0, cpu.Attributes["display_min"].GetInt32());
        Assert.Equal("ms", cpu.Attributes["display_units_short"].GetString());
        Assert.Equal(60, State.GetMetric(EmulatorFixture.Email, "servers")!.Period);
        Assert.Null(State.GetMetric(EmulatorFixture.Email, "reqs")!.Period);
        Assert.Null(State.GetMetric(EmulatorFixture.Email, "missing"));
    }

    [Fact]
    public async Task BatchUpdateTakesAnAttributesObjectWhichWinsOverTopLevelKeys()
    {
        await Create("a.time", "b.time", "c.count");

        var response = await Update("""{"names":"*.time","exclude":["b.time"],"display_units_short":"s","attributes":{"display_units_short":"ms","color":"#112233"},"description":"Latency"}""");

        Assert.Equal(204, response.Status);
        var a = State.GetMetric(EmulatorFixture.Email, "a.time")!;
        Assert.Equal("ms", a.Attributes["display_units_short"].GetString());
        Assert.Equal("#112233", a.Attributes["color"].GetString());
        Assert.Equal("Latency", a.Description);
        Assert.False(State.GetMetric(EmulatorFixture.Email, "b.time")!.Attributes.ContainsKey("color"));
        Assert.False(State.GetMetric(EmulatorFixture.Email, "c.count")!.Attributes.ContainsKey("color"));
        Assert.True((await Attributes("a.time")).GetProperty("display_stacked").GetBoolean());
    }

    [Fact]
    public async Task BatchUpdateOfMoreThanOneHundredMetricsGoesThroughAJob()
    {
        await Create(Enumerable.Range(0, 101).Select(i => $"m.{i}").ToArray());

        var response = await Update("""{"names":"m.*","display_max":10}""");

        Assert.Equal(202, response.Status);
        var job = await Api.GetAsync(response.Message.Headers.Location!.OriginalString);
        Assert.Equal("complete", job.Json.GetProperty("state").GetString());
        Assert.All(Enumerable.Range(0, 101), i => Assert.Equal(10, State.GetMetric(EmulatorFixture.Email, $"m.{i}")!.Attributes["display_max"].GetInt32()));
    }

    [Theory]
    [InlineData("""{"names":["a"],"type":"counter"}""", "type", "cannot be changed by a batch update")]
    [InlineData("""{"names":["a"],"composite":"s(\"x\",\"*\")"}""", "composite", "cannot be set by a batch update")]
    [InlineData("""{"names":["a"],"color":"red"}""", "attributes", "color must be a 7-character hex color such as #52D74C")]
    [InlineData("""{"names":["a"],"attributes":{"display_stacked":"yes"}}""", "attributes", "display_stacked must be true or false")]
    [InlineData("""{"names":["a"],"period":0}""", "period", "must be greater than 0")]
    [InlineData("""{"display_min":0}""", "names", "is required")]
    public async Task BatchUpdateValidatesItsBody(string body, string param, string message)
    {
        await Create("a");

        var response = await Update(body);

        Assert.Equal(400, response.Status);
        Assert.Equal(ExpectedBodies.ParamError(param, message), response.Body);
        Assert.False(State.GetMetric(EmulatorFixture.Email, "a")!.Attributes.ContainsKey("display_min"));
    }
}
