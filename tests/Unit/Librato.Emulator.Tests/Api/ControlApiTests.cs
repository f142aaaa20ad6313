using System;
using System.Linq;
using System.Net.Http;
using System.Text;
using System.Threading.Tasks;
using Librato.Emulator.Tests.Support;
using Xunit;

namespace Librato.Emulator.Tests.Api;

public sealed class ControlApiTests : EmulatorTestBase
{
    public ControlApiTests(EmulatorFixture fixture)
        : base(fixture)
    {
    }

    private async Task Seed()
    {
        long t = Now - 100;
        Assert.Equal(200, (await Api.PostJsonAsync("/v1/metrics", $$"""
            {"gauges":[{"name":"a","value":1,"source":"s1","measure_time":{{t}} },{"name":"a","value":2,"source":"s2","measure_time":{{t}} },
                       {"name":"a","value":3,"source":"s2","measure_time":{{t}} },{"name":"a","value":4,"source":"s2","measure_time":{{t + 1}} }]}
            """)).Status);
        Assert.Equal(202, (await Api.PostJsonAsync("/v1/measurements", $$"""
            {"time":{{t}},"measurements":[{"name":"B","value":1,"tags":{"x":"1"} },{"name":"b","value":1,"tags":{"x":"2"} }]}
            """)).Status);
    }

    [Fact]
    public async Task StatsCountMetricsSeriesAndStoredPoints()
    {
        await Seed();

        var response = await Fixture.Anonymous.GetAsync("/_emulator/stats");

        Assert.Equal(200, response.Status);
        Assert.Equal(
            """{"metrics":2,"series":4,"measurements":5,"per_metric":{"a":{"series":2,"measurements":3},"B":{"series":2,"measurements":2}}}""",
            response.Body);
    }

    [Fact]
    public async Task StatsForAnotherUser()
    {
        await Seed();
        await Fixture.Other.PostJsonAsync("/v1/metrics", """{"gauges":[{"name":"o","value":1}]}""");

        var response = await Fixture.Anonymous.GetAsync("/_emulator/stats?user=" + Uri.EscapeDataString(EmulatorFixture.OtherEmail));

        Assert.Equal("""{"metrics":1,"series":1,"measurements":1,"per_metric":{"o":{"series":1,"measurements":1}}}""", response.Body);
    }

    [Fact]
    public async Task UnknownUserIs404()
    {
        var stats = await Fixture.Anonymous.GetAsync("/_emulator/stats?user=nobody@example.com");
        var reset = await Fixture.Anonymous.SendAsync(new HttpRequestMessage(HttpMethod.Post, "/_emulator/reset?user=nobody@example.com"));

        Assert.Equal(404, stats.Status);
        Assert.Equal(404, reset.Status);
    }

    [Fact]
    public async Task ResetClearsEverything()
    {
        await Seed();
        await Fixture.Other.PostJsonAsync("/v1/metrics", """{"gauges":[{"name":"o","value":1}]}""");

        var response = await Fixture.Anonymous.SendAsync(new HttpRequestMessage(HttpMethod.Post, "/_emulator/reset"));

        Assert.Equal(204, response.Status);
        Assert.Equal(0, State.GetStats(EmulatorFixture.Email).Metrics);
        Assert.Equal(0, State.GetStats(EmulatorFixture.OtherEmail).Metrics);
        Assert.Empty(State.GetRequests());
        Assert.Equal(404, (await Api.GetAsync("/v1/metrics/a")).Status);
    }

    [Fact]
    public async Task ResetForOneUserLeavesTheOthers()
    {
        await Seed();
        await Fixture.Other.PostJsonAsync("/v1/metrics", """{"gauges":[{"name":"o","value":1}]}""");

        var response = await Fixture.Anonymous.SendAsync(new HttpRequestMessage(HttpMethod.Post, "/_emulator/reset?user=" + EmulatorFixture.OtherEmail));

        Assert.Equal(204, response.Status);
        Assert.Equal(0, State.GetStats(EmulatorFixture.OtherEmail).Metrics);
        Assert.Equal(2, State.GetStats(EmulatorFixture.Email).Metrics);
        Assert.DoesNotContain(State.GetRequests(), r => r.User == EmulatorFixture.OtherEmail);
        Assert.Contains(State.GetRequests(), r => r.User == EmulatorFixture.Email);
    }

    [Fact]
    public async Task RequestLogRecordsV1RequestsWithoutAuthorization()
    {
        await Api.PostJsonAsync("/v1/metrics", """{"gauges":[{"name":"logged","value":1}]}""", gzip: true);
        await Api.GetAsync("/v1/metrics?name=log");
        await Fixture.As(EmulatorFixture.Email, "wrong").GetAsync("/v1/metrics");
        await Fixture.Anonymous.GetAsync("/_emulator/stats");

        var response = await Fixture.Anonymous.GetAsync("/_emulator/requests");

        Assert.Equal(200, response.Status);
        var entries = response.Json.EnumerateArray().ToArray();
        Assert.Equal(3, entries.Length);
        Assert.Equal(new[] { "POST", "GET", "GET" }, entries.Select(e => e.GetProperty("method").GetString()));
        Assert.Equal(new[] { 200, 200, 401 }, entries.Select(e => e.GetProperty("status").GetInt32()));
        Assert.Equal(new[] { "/v1/metrics", "/v1/metrics", "/v1/metrics" }, entries.Select(e => e.GetProperty("path").GetString()));
        Assert.Equal("name=log", entries[1].GetProperty("query").GetString());
        Assert.Equal("""{"gauges":[{"name":"logged","value":1}]}""", entries[0].GetProperty("body").GetString());
        Assert.Equal(EmulatorFixture.Email, entries[0].GetProperty("user").GetString());
        Assert.Equal(System.Text.Json.JsonValueKind.Null, entries[2].GetProperty("user").ValueKind);
        Assert.Equal("gzip", entries[0].GetProperty("headers").GetProperty("Content-Encoding").GetString());
        Assert.Equal(ApiClient.UserAgent, entries[0].GetProperty("headers").GetProperty("User-Agent").GetString());
        Assert.InRange(entries[0].GetProperty("time").GetInt64(), DateTimeOffset.UtcNow.AddMinutes(-1).ToUnixTimeMilliseconds(), DateTimeOffset.UtcNow.ToUnixTimeMilliseconds());
        foreach (var entry in entries)
        {
            Assert.DoesNotContain(entry.GetProperty("headers").EnumerateObject(), h => h.Name.Equals("Authorization", StringComparison.OrdinalIgnoreCase));
        }

        string encodedCredentials = Convert.ToBase64String(Encoding.UTF8.GetBytes($"{EmulatorFixture.Email}:{EmulatorFixture.Token}"));
        Assert.DoesNotContain(encodedCredentials, response.Body, StringComparison.Ordinal);
        Assert.DoesNotContain(EmulatorFixture.Token, response.Body, StringComparison.Ordinal);
    }

    [Fact]
    public async Task RequestLogCanBeFilteredByUserAndCleared()
    {
        await Api.GetAsync("/v1/metrics");
        await Fixture.Other.GetAsync("/v1/metrics");

        var own = await Fixture.Anonymous.GetAsync("/_emulator/requests?user=" + EmulatorFixture.Email);
        var cleared = await Fixture.Anonymous.DeleteAsync("/_emulator/requests");
        var after = await Fixture.Anonymous.GetAsync("/_emulator/requests");

        Assert.Equal(EmulatorFixture.Email, own.Json.EnumerateArray().Single().GetProperty("user").GetString());
        Assert.Equal(204, cleared.Status);
        Assert.Equal("[]", after.Body);
    }

    [Fact]
    public async Task StateGivesTestsTheSameView()
    {
        await Seed();

        var series = State.GetSeries(EmulatorFixture.Email, "b");
        var logged = State.GetRequests(EmulatorFixture.Email);

        Assert.Equal(new[] { "1", "2" }, series.Select(s => s.Tags!["x"]));
        Assert.Equal(2, logged.Count);
        Assert.DoesNotContain(logged.SelectMany(r => r.Headers.Keys), k => k.Equals("Authorization", StringComparison.OrdinalIgnoreCase));
    }
}
