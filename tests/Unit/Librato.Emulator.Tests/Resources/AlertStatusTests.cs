using System;
using System.Threading.Tasks;
using Librato.Emulator.Tests.Support;
using Xunit;

namespace Librato.Emulator.Tests.Resources;

public sealed class AlertStatusTests : EmulatorTestBase
{
    public AlertStatusTests(EmulatorFixture fixture)
        : base(fixture)
    {
    }

    private async Task<long> Alert(string conditions, string extra = "")
    {
        var response = await Api.PostJsonAsync("/v1/alerts", $$"""{"name":"a{{Guid.NewGuid():N}}","conditions":{{conditions}}{{extra}} }""");
        Assert.True(response.Status == 201, response.ToString());
        return response.Id();
    }

    private async Task Gauge(string name, double value, long time, string source = "web1")
    {
        var response = await Api.PostJsonAsync("/v1/metrics",
            $$"""{"gauges":[{"name":"{{name}}","value":{{value}},"source":"{{source}}","measure_time":{{time}} }]}""");
        Assert.Equal(200, response.Status);
    }

    private async Task Tagged(string name, double value, long time, string tags)
    {
        var response = await Api.PostJsonAsync("/v1/measurements",
            $$"""{"measurements":[{"name":"{{name}}","value":{{value}},"time":{{time}},"tags":{{tags}} }]}""");
        Assert.Equal(202, response.Status);
    }

    private async Task<string> Status(long id)
    {
        var response = await Api.GetAsync($"/v1/alerts/{id}/status");
        Assert.Equal(200, response.Status);
        Assert.Equal(id, response.Json.GetProperty("alert").GetProperty("id").GetInt64());
        return response.Json.GetProperty("status").GetString()!;
    }

    [Fact]
    public async Task ANewAlertIsOk()
    {
        long id = await Alert("""[{"type":"above","metric_name":"cpu","threshold":90}]""");

        var status = await Api.GetAsync($"/v1/alerts/{id}/status");
        var all = await Api.GetAsync("/v1/alerts/status");

        Assert.Equal($$"""{"alert":{"id":{{id}}},"status":"ok"}""", status.Body);
        Assert.Equal("""{"cleared":[],"firing":[]}""", all.Body);
    }

    [Fact]
    public async Task DataBeyondTheThresholdTriggersAndClearResetsIt()
    {
        long id = await Alert("""[{"type":"above","metric_name":"cpu","threshold":90,"source":"web*"}]""");
        await Gauge("cpu", 95, Now - 10);

        Assert.Equal("triggered", await Status(id));
        var firing = (await Api.GetAsync("/v1/alerts/status")).Json;
        Assert.Equal(id, firing.GetProperty("firing")[0].GetProperty("id").GetInt64());
        Assert.InRange(firing.GetProperty("firing")[0].GetProperty("triggered_at").GetInt64(), Now - 5, Now + 1);

        var clear = await Api.PostAsync($"/v1/alerts/{id}/clear");

        Assert.Equal(204, clear.Status);
        Assert.Equal("ok", await Status(id));
        var cleared = (await Api.GetAsync("/v1/alerts/status")).Json;
        Assert.Equal("[]", cleared.GetProperty("firing").GetRawText());
        Assert.Equal(id, cleared.GetProperty("cleared")[0].GetProperty("id").GetInt64());
        Assert.InRange(cleared.GetProperty("cleared")[0].GetProperty("cleared_at").GetInt64(), Now - 5, Now + 1);

        // Only data newer than the clear can fire it again.
        await Gauge("cpu", 99, Now + 5);
        Assert.Equal("triggered", await Status(id));
    }

    [Fact]
    public async Task SourcesThatDoNotMatchAreIgnored()
    {
        long id = await Alert("""[{"type":"above","metric_name":"cpu","threshold":90,"source":"db*"}]""");
        await Gauge("cpu", 95, Now - 10, source: "web1");

        Assert.Equal("ok", await Status(id));
    }

    [Fact]
    public async Task ADataTriggerClearsItselfWhenTheDataRecovers()
    {
        long id = await Alert("""[{"type":"below","metric_name":"free","threshold":10}]""");
        await Gauge("free", 5, Now - 20);
        Assert.Equal("triggered", await Status(id));

        await Gauge("free", 50, Now - 10);

        Assert.Equal("ok", await Status(id));
        Assert.Equal(id, (await Api.GetAsync("/v1/alerts/status")).Json.GetProperty("cleared")[0].GetProperty("id").GetInt64());
    }

    [Fact]
    public async Task DurationNeedsTheValueToStayBeyondTheThreshold()
    {
        long t = AlignedPast(60, 10);
        long id = await Alert("""[{"type":"above","metric_name":"lat","threshold":100,"duration":300}]""");
        await Gauge("lat", 50, t);
        for (int i = 1; i <= 4; i++)
        {
            await Gauge("lat", 150, t + (i * 60));
        }

        Assert.Equal("ok", await Status(id));

        await Gauge("lat", 150, t + 300);
        await Gauge("lat", 150, t + 360);

        Assert.Equal("triggered", await Status(id));
    }

    [Fact]
    public async Task AbsentFiresWhenASeriesStopsReporting()
    {
        long stale = await Alert("""[{"type":"absent","metric_name":"heartbeat","duration":300}]""");
        long fresh = await Alert("""[{"type":"absent","metric_name":"pulse","duration":300}]""");
        long never = await Alert("""[{"type":"absent","metric_name":"nothing","duration":60}]""");
        await Gauge("heartbeat", 1, Now - 600);
        await Gauge("pulse", 1, Now - 30);

        Assert.Equal("triggered", await Status(stale));
        Assert.Equal("ok", await Status(fresh));
        Assert.Equal("ok", await Status(never));
    }

    [Fact]
    public async Task TagFiltersChooseTheSeries()
    {
        long prod = await Alert("""[{"type":"above","metric_name":"rt","threshold":100,"tags":[{"name":"env","values":["prod*"]}]}]""");
        long dev = await Alert("""[{"type":"above","metric_name":"rt","threshold":100,"tags":[{"name":"env","values":["dev"]}]}]""");
        await Tagged("rt", 150, Now - 10, """{"env":"production"}""");
        await Tagged("rt", 50, Now - 10, """{"env":"dev"}""");

        Assert.Equal("triggered", await Status(prod));
        Assert.Equal("ok", await Status(dev));
    }

    [Fact]
    public async Task GroupedTagsJudgeTheSeriesTogether()
    {
        long grouped = await Alert("""[{"type":"above","metric_name":"q","threshold":100,"summary_function":"sum","tags":[{"name":"host","grouped":true,"values":["*"]}]}]""");
        long separate = await Alert("""[{"type":"above","metric_name":"q","threshold":100,"summary_function":"sum","tags":[{"name":"host","values":["*"]}]}]""");
        await Tagged("q", 60, Now - 10, """{"host":"a"}""");
        await Tagged("q", 60, Now - 10, """{"host":"b"}""");

        Assert.Equal("triggered", await Status(grouped));
        Assert.Equal("ok", await Status(separate));
    }

    [Fact]
    public async Task DerivativeLooksAtTheIncrease()
    {
        long id = await Alert("""[{"type":"above","metric_name":"total","threshold":50,"summary_function":"derivative"}]""");
        await Gauge("total", 1000, Now - 20);
        await Gauge("total", 1040, Now - 10);

        Assert.Equal("ok", await Status(id));

        await Gauge("total", 1100, Now - 5);

        Assert.Equal("triggered", await Status(id));
    }

    [Fact]
    public async Task EveryConditionMustHold()
    {
        long id = await Alert("""[{"type":"above","metric_name":"cpu","threshold":90},{"type":"above","metric_name":"mem","threshold":90}]""");
        await Gauge("cpu", 95, Now - 10);

        Assert.Equal("ok", await Status(id));

        await Gauge("mem", 95, Now - 10);

        Assert.Equal("triggered", await Status(id));
    }

    [Fact]
    public async Task InactiveAlertsAndAlertsWithoutConditionsNeverFire()
    {
        long inactive = await Alert("""[{"type":"above","metric_name":"cpu","threshold":1}]""", ""","active":false""");
        long empty = await Alert("[]");
        await Gauge("cpu", 95, Now - 10);

        Assert.Equal("ok", await Status(inactive));
        Assert.Equal("ok", await Status(empty));
    }

    [Fact]
    public async Task TheControlApiTriggersUntilCleared()
    {
        long id = await Alert("[]");

        var trigger = await Fixture.Anonymous.PostAsync($"/_emulator/alerts/{id}/trigger");

        Assert.Equal(204, trigger.Status);
        Assert.Equal("triggered", await Status(id));
        Assert.Equal("triggered", await Status(id));
        Assert.Equal(204, (await Api.PostAsync($"/v1/alerts/{id}/clear")).Status);
        Assert.Equal("ok", await Status(id));
    }

    [Fact]
    public async Task TheControlApiTriggersForTheNamedAccount()
    {
        var response = await Fixture.Other.PostJsonAsync("/v1/alerts", """{"name":"theirs"}""");
        long id = response.Id();

        var wrongAccount = await Fixture.Anonymous.PostAsync($"/_emulator/alerts/{id}/trigger");
        var rightAccount = await Fixture.Anonymous.PostAsync($"/_emulator/alerts/{id}/trigger?user={Uri.EscapeDataString(EmulatorFixture.OtherEmail)}");
        var unknownUser = await Fixture.Anonymous.PostAsync($"/_emulator/alerts/{id}/trigger?user=nobody@example.com");

        Assert.Equal(404, wrongAccount.Status);
        Assert.Equal("""{"errors":{"request":["Alert not found"]}}""", wrongAccount.Body);
        Assert.Equal(204, rightAccount.Status);
        Assert.Equal(404, unknownUser.Status);
        Assert.Equal("triggered", (await Fixture.Other.GetAsync($"/v1/alerts/{id}/status")).Json.GetProperty("status").GetString());
    }

    [Fact]
    public async Task ClearingAnAlertThatIsNotFiringIs204()
    {
        long id = await Alert("[]");

        Assert.Equal(204, (await Api.PostAsync($"/v1/alerts/{id}/clear")).Status);
        Assert.Equal("""{"cleared":[],"firing":[]}""", (await Api.GetAsync("/v1/alerts/status")).Body);
    }

    [Fact]
    public async Task UnknownAlertsAre404()
    {
        Assert.Equal("""{"errors":{"request":["Alert not found"]}}""", (await Api.GetAsync("/v1/alerts/424242/status")).Body);
        Assert.Equal(404, (await Api.PostAsync("/v1/alerts/424242/clear")).Status);
        Assert.Equal(404, (await Fixture.Anonymous.PostAsync("/_emulator/alerts/424242/trigger")).Status);
    }

    [Fact]
    public async Task DeletingAFiringAlertRemovesItFromTheStatus()
    {
        long id = await Alert("[]");
        await Fixture.Anonymous.PostAsync($"/_emulator/alerts/{id}/trigger");

        await Api.DeleteAsync("/v1/alerts/" + id);

        Assert.Equal("""{"cleared":[],"firing":[]}""", (await Api.GetAsync("/v1/alerts/status")).Body);
    }
}
