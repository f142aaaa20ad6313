using System;
using System.Text.Json;
using System.Threading.Tasks;
using Librato.Emulator.Tests.Support;
using Xunit;

namespace Librato.Emulator.Tests.Resources;

public sealed class SnapshotTests : EmulatorTestBase
{
    public SnapshotTests(EmulatorFixture fixture)
        : base(fixture)
    {
    }

    private async Task<long> Chart()
    {
        long space = (await Api.PostJsonAsync("/v1/spaces", """{"name":"s"}""")).Id();
        return (await Api.PostJsonAsync($"/v1/spaces/{space}/charts", """{"name":"c","type":"stacked"}""")).Id();
    }

    private string Base => Fixture.Host.BaseAddress.ToString().TrimEnd('/');

    [Fact]
    public async Task CreateIs202WithLocationAndTheSnapshot()
    {
        long chart = await Chart();

        var response = await Api.PostJsonAsync("/v1/snapshots",
            $$$"""{"subject":{"chart":{"id":{{{chart}}},"source":"*","type":"stacked"}},"duration":7200,"end_time":1455931126}""");

        Assert.Equal(202, response.Status);
        string location = response.Location()!;
        Assert.StartsWith("/v1/snapshots/", location);
        var json = response.Json;
        string created = json.GetProperty("created_at").GetString()!;
        string jobHref = json.GetProperty("job_href").GetString()!;
        Assert.StartsWith(Base + "/v1/jobs/", jobHref);
        Assert.Matches(@"^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ$", created);
        Assert.Equal(
            $$$"""{"href":"{{{Base}}}{{{location}}}","job_href":"{{{jobHref}}}","image_href":null,"duration":7200,"end_time":"2016-02-20T01:18:46Z","created_at":"{{{created}}}","updated_at":"{{{created}}}","subject":{"chart":{"id":{{{chart}}},"source":"*","type":"stacked"}}""" + "}",
            response.Body);
        Assert.Equal(response.Body, (await Api.GetAsync(location)).Body);
    }

    [Fact]
    public async Task TheJobItPointsToIsComplete()
    {
        long chart = await Chart();
        var snapshot = await Api.PostJsonAsync("/v1/snapshots", $$$"""{"subject":{"chart":{"id":{{{chart}}} } } }""");
        string jobPath = new Uri(snapshot.Json.GetProperty("job_href").GetString()!).AbsolutePath;

        var job = await Api.GetAsync(jobPath);

        Assert.Equal(200, job.Status);
        long id = long.Parse(jobPath.Substring("/v1/jobs/".Length));
        Assert.Equal($$"""{"id":{{id}},"state":"complete","progress":100}""", job.Body);
    }

    [Fact]
    public async Task DurationAndEndTimeHaveDefaults()
    {
        long chart = await Chart();

        var response = await Api.PostFormAsync("/v1/snapshots", $"subject[chart][id]={chart}&subject[chart][source]=*&subject[chart][type]=stacked");

        Assert.Equal(202, response.Status);
        Assert.Equal(3600, response.Json.GetProperty("duration").GetInt64());
        var end = DateTimeOffset.Parse(response.Json.GetProperty("end_time").GetString()!).ToUnixTimeSeconds();
        Assert.InRange(end, Now - 5, Now + 1);
        Assert.Equal(JsonValueKind.Null, response.Json.GetProperty("image_href").ValueKind);
    }

    [Fact]
    public async Task EndTimeMayBeIsoText()
    {
        long chart = await Chart();

        var response = await Api.PostJsonAsync("/v1/snapshots", $$$"""{"subject":{"chart":{"id":{{{chart}}} }},"end_time":"2016-02-20T01:18:46Z"}""");

        Assert.Equal("2016-02-20T01:18:46Z", response.Json.GetProperty("end_time").GetString());
    }

    [Theory]
    [InlineData("""{}""", """{"subject":["is not present"]}""")]
    [InlineData("""{"subject":{"space":{"id":1}}}""", """{"subject":["must name a chart: {\"chart\":{\"id\":…}}"]}""")]
    [InlineData("""{"subject":{"chart":{"id":424242}}}""", """{"subject":["chart 424242 does not exist"]}""")]
    [InlineData("""{"subject":{"chart":{"id":CHART}},"duration":0}""", """{"duration":["must be between 1 and 2419200"]}""")]
    [InlineData("""{"subject":{"chart":{"id":CHART}},"duration":2419201}""", """{"duration":["must be between 1 and 2419200"]}""")]
    [InlineData("""{"subject":{"chart":{"id":CHART}},"end_time":"yesterday"}""", """{"end_time":["is not a number"]}""")]
    public async Task InvalidSnapshotsAre400(string json, string expectedParams)
    {
        long chart = await Chart();

        var response = await Api.PostJsonAsync("/v1/snapshots", json.Replace("CHART", chart.ToString()));

        Assert.Equal(400, response.Status);
        Assert.Equal("{\"errors\":{\"params\":" + expectedParams + "}}", response.Body);
    }

    [Fact]
    public async Task UnknownSnapshotsAndJobsAre404()
    {
        Assert.Equal("""{"errors":{"request":["Snapshot not found"]}}""", (await Api.GetAsync("/v1/snapshots/424242")).Body);
        Assert.Equal("""{"errors":{"request":["Job not found"]}}""", (await Api.GetAsync("/v1/jobs/424242")).Body);
        Assert.Equal(404, (await Api.GetAsync("/v1/jobs/abc")).Status);
    }
}
