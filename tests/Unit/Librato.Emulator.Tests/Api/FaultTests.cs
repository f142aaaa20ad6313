using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Linq;
using System.Net.Http;
using System.Text.Json;
using System.Threading;
using System.Threading.Tasks;
using Librato.Emulator.Tests.Support;
using Xunit;

namespace Librato.Emulator.Tests.Api;

public sealed class FaultTests : EmulatorTestBase
{
    private const string Tagged = """{"tags":{"h":"a"},"measurements":[{"name":"t","value":1}]}""";
    private const string Gauge = """{"gauges":[{"name":"g","value":1}]}""";

    public FaultTests(EmulatorFixture fixture)
        : base(fixture)
    {
    }

    private ApiClient Control => Fixture.Anonymous;

    private long Stored => State.GetStats(EmulatorFixture.Email).Measurements;

    /// <summary>
    /// The request log; a dropped connection reaches the client before the server has finished logging it, so wait
    /// a moment for the entry instead of racing it.
    /// </summary>
    private IReadOnlyList<RecordedRequest> LoggedRequests
    {
        get
        {
            var deadline = DateTime.UtcNow.AddSeconds(5);
            var requests = State.GetRequests();
            while (requests.Count == 0 && DateTime.UtcNow < deadline)
            {
                Thread.Sleep(10);
                requests = State.GetRequests();
            }

            return requests;
        }
    }

    private async Task<JsonElement> AddFault(string json)
    {
        var response = await Control.PostJsonAsync("/_emulator/faults", json);
        Assert.True(response.Status == 201, response.ToString());
        return response.Json;
    }

    private HttpClient NewClient(TimeSpan? timeout = null)
    {
        var http = new HttpClient { BaseAddress = Fixture.Host.BaseAddress };
        if (timeout is { } value)
        {
            http.Timeout = value;
        }

        return http;
    }

    [Fact]
    public async Task StatusFaultAnswersTheNextMatchingRequestsThenStops()
    {
        var created = await AddFault("""{"match":{"method":"POST","path":"/v1/measurements"},"count":2,"kind":"status","status":503,"retry_after":30}""");

        var first = await Api.PostJsonAsync("/v1/measurements", Tagged);
        var read = await Api.GetAsync("/v1/metrics");
        var second = await Api.PostJsonAsync("/v1/measurements", Tagged);
        var third = await Api.PostJsonAsync("/v1/measurements", Tagged);

        Assert.Equal(1, created.GetProperty("id").GetInt32());
        Assert.Equal((503, 200, 503, 202), (first.Status, read.Status, second.Status, third.Status));
        Assert.Equal("""{"errors":{"system":["The API is currently down for maintenance. It'll be back shortly."]}}""", first.Body);
        Assert.Equal("30", first.Message.Headers.GetValues("Retry-After").Single());
        Assert.Equal(1, Stored);
        var log = State.GetRequests(EmulatorFixture.Email);
        Assert.Equal(new[] { ("status", 503), (null, 200), ("status", 503), (null, 202) }, log.Select(r => (r.Fault, r.Status)));
        Assert.Equal("[]", (await Control.GetAsync("/_emulator/faults")).Body);
    }

    [Fact]
    public async Task StatusFaultCanRedirect()
    {
        var created = await AddFault("""{"kind":"status","status":307,"location":"https://elsewhere.invalid/v1/metrics","body":""}""");
        var answer = await Api.PostJsonAsync("/v1/measurements", Tagged);

        Assert.Equal("https://elsewhere.invalid/v1/metrics", created.GetProperty("location").GetString());
        Assert.Equal(307, answer.Status);
        Assert.Equal("https://elsewhere.invalid/v1/metrics", answer.Message.Headers.Location!.OriginalString);
        Assert.Equal(0, Stored);
    }

    [Fact]
    public async Task StatusFaultUsesTheGivenBodyAndContentType()
    {
        await AddFault("""{"kind":"status","status":429,"body":"slow down","content_type":"text/plain"}""");

        var response = await Api.GetAsync("/v1/metrics");

        Assert.Equal((429, "slow down", "text/plain"), (response.Status, response.Body, response.ContentType));
        Assert.Null(response.Message.Headers.RetryAfter);
    }

    [Fact]
    public async Task DefaultStatusFaultIs500WithASystemError()
    {
        await AddFault("""{"kind":"status"}""");

        var response = await Fixture.Anonymous.GetAsync("/v1/metrics");

        Assert.Equal(500, response.Status);
        Assert.Equal("""{"errors":{"system":["The emulator answered 500 because a fault was injected."]}}""", response.Body);
        Assert.Equal("application/json; charset=utf-8", response.ContentType);
    }

    [Theory]
    [InlineData("/v1/metrics", "GET", "/v1/metrics/cpu", true)]
    [InlineData("/v1/metrics", "GET", "/v1/metrics", true)]
    [InlineData("/v1/metrics/", "GET", "/v1/metrics", true)]
    [InlineData("/v1/met", "GET", "/v1/metrics", false)]
    [InlineData("/v1/*/cpu", "GET", "/v1/measurements/cpu", true)]
    [InlineData("/v1/*/cpu", "GET", "/v1/metrics/mem", false)]
    [InlineData("*", "PUT", "/v1/metrics/x", true)]
    [InlineData("/V1/METRICS", "GET", "/v1/metrics", true)]
    public async Task PathMatchesExactlyByPrefixOrByWildcard(string pattern, string method, string path, bool faulted)
    {
        await AddFault($$"""{"kind":"status","status":418,"match":{"path":"{{pattern}}"} }""");

        var response = await Api.SendAsync(new HttpRequestMessage(new HttpMethod(method), path));

        Assert.Equal(faulted, response.Status == 418);
    }

    [Fact]
    public async Task MethodAndUserNarrowTheMatch()
    {
        await AddFault($$"""{"kind":"status","status":418,"match":{"method":"get","user":"{{EmulatorFixture.OtherEmail}}"} }""");

        var post = await Fixture.Other.PostJsonAsync("/v1/metrics", Gauge);
        var otherUser = await Api.GetAsync("/v1/metrics");
        var anonymous = await Fixture.Anonymous.GetAsync("/v1/metrics");
        var matched = await Fixture.Other.GetAsync("/v1/metrics");

        Assert.Equal((200, 200, 401, 418), (post.Status, otherUser.Status, anonymous.Status, matched.Status));
    }

    [Fact]
    public async Task ControlRoutesAreNeverFaulted()
    {
        await AddFault("""{"kind":"status","match":{"path":"*"}}""");

        Assert.Equal(200, (await Control.GetAsync("/_emulator/stats")).Status);
        Assert.Equal(500, (await Api.GetAsync("/v1/metrics")).Status);
    }

    [Fact]
    public async Task FaultsAreListedRemovedAndCleared()
    {
        await AddFault("""{"kind":"delay","delay_ms":5,"count":3,"match":{"method":"POST","path":"/v1/metrics"}}""");
        var second = await AddFault("""{"kind":"drop","after":"headers"}""");

        var listed = (await Control.GetAsync("/_emulator/faults")).Json;
        Assert.Equal(2, listed.GetArrayLength());
        Assert.Equal(
            """{"id":1,"kind":"delay","match":{"method":"POST","path":"/v1/metrics","user":null},"remaining":3,"status":null,"body":null,"content_type":null,"retry_after":null,"location":null,"delay_ms":5,"process":true,"after":null,"bytes":null}""",
            listed[0].GetRawText());
        Assert.Equal("headers", second.GetProperty("after").GetString());

        await Api.PostJsonAsync("/v1/metrics", Gauge);
        Assert.Equal(2, (await Control.GetAsync("/_emulator/faults")).Json[0].GetProperty("remaining").GetInt32());

        Assert.Equal(204, (await Control.DeleteAsync("/_emulator/faults/2")).Status);
        Assert.Equal(404, (await Control.DeleteAsync("/_emulator/faults/2")).Status);
        Assert.Equal(1, (await Control.GetAsync("/_emulator/faults")).Json.GetArrayLength());
        Assert.Equal(204, (await Control.DeleteAsync("/_emulator/faults")).Status);
        Assert.Equal("[]", (await Control.GetAsync("/_emulator/faults")).Body);
    }

    [Fact]
    public async Task CreatedFaultHasALocation()
    {
        var response = await Control.PostJsonAsync("/_emulator/faults", """{"kind":"nonjson"}""");

        Assert.Equal("/_emulator/faults/1", response.Message.Headers.Location!.OriginalString);
        Assert.Equal(502, response.Json.GetProperty("status").GetInt32());
    }

    [Theory]
    [InlineData("""{}""", "kind", "is not present")]
    [InlineData("""{"kind":"explode"}""", "kind", "must be one of status, delay, drop, truncate, nonjson, stored-then-5xx")]
    [InlineData("""{"kind":"delay"}""", "delay_ms", "is required for a delay and must be at least 1")]
    [InlineData("""{"kind":"delay","delay_ms":600001}""", "delay_ms", "must be between 0 and 600000")]
    [InlineData("""{"kind":"status","count":0}""", "count", "must be between 1 and 2147483647")]
    [InlineData("""{"kind":"status","status":99}""", "status", "must be between 100 and 599")]
    [InlineData("""{"kind":"status","status":"x"}""", "status", "is not a number")]
    [InlineData("""{"kind":"stored-then-5xx","status":404}""", "status", "must be a 5xx status for stored-then-5xx")]
    [InlineData("""{"kind":"stored-then-5xx","process":false}""", "process", "cannot be false for stored-then-5xx")]
    [InlineData("""{"kind":"status","after":"headers"}""", "after", "only applies to drop")]
    [InlineData("""{"kind":"drop","after":"never"}""", "after", "must be headers or body")]
    [InlineData("""{"kind":"drop","bytes":3}""", "bytes", "only applies to truncate")]
    [InlineData("""{"kind":"status","body":{"a":1}}""", "body", "must be a string")]
    [InlineData("""{"kind":"status","match":{"path":"v1/metrics"}}""", "path", "must start with /")]
    [InlineData("""{"kind":"status","match":{"verb":"GET"}}""", "match", "'verb' is not a match field (use method, path, user)")]
    [InlineData("""{"kind":"status","match":{"user":"nobody@example.com"}}""", "user", "'nobody@example.com' is not a configured account")]
    [InlineData("""{"kind":"status","times":2}""", "times", "is not a fault field")]
    public async Task InvalidFaultsAre400(string json, string field, string message)
    {
        var response = await Control.PostJsonAsync("/_emulator/faults", json);

        Assert.Equal(400, response.Status);
        Assert.Equal(ExpectedBodies.ParamError(field, message), response.Body);
        Assert.Equal("[]", (await Control.GetAsync("/_emulator/faults")).Body);
    }

    [Fact]
    public async Task UnparseableFaultIs400()
    {
        var response = await Control.PostJsonAsync("/_emulator/faults", "kind=status");

        Assert.Equal("""{"errors":{"request":["Could not parse the request body as JSON"]}}""", response.Body);
    }

    [Fact]
    public async Task DelayWaitsThenAnswersNormally()
    {
        await AddFault("""{"kind":"delay","delay_ms":300}""");

        var watch = Stopwatch.StartNew();
        var response = await Api.PostJsonAsync("/v1/metrics", Gauge);
        watch.Stop();

        Assert.Equal(200, response.Status);
        Assert.True(watch.ElapsedMilliseconds >= 290, $"answered after {watch.ElapsedMilliseconds} ms");
        Assert.Equal(1, Stored);
        Assert.Equal(("delay", 200), (LoggedRequests.Single().Fault, LoggedRequests.Single().Status));
    }

    [Fact]
    public async Task DelayLongerThanTheClientTimeoutStillStoresTheData()
    {
        await AddFault("""{"kind":"delay","delay_ms":30000,"match":{"path":"/v1/measurements"}}""");
        using var http = NewClient(TimeSpan.FromMilliseconds(300));
        var impatient = new ApiClient(http, EmulatorFixture.Email, EmulatorFixture.Token);

        await Assert.ThrowsAnyAsync<TaskCanceledException>(() => impatient.PostJsonAsync("/v1/measurements", Tagged));

        // The server notices the client left, and then does the work a real server would have done anyway.
        for (int i = 0; i < 100 && LoggedRequests.Count == 0; i++)
        {
            await Task.Delay(50);
        }

        var entry = Assert.Single(LoggedRequests);
        Assert.Equal(("delay", 0), (entry.Fault, entry.Status));
        Assert.Equal(1, Stored);
    }

    [Fact]
    public async Task DropAbortsTheConnectionAndStoresNothingByDefault()
    {
        await AddFault("""{"kind":"drop","match":{"path":"/v1/metrics","method":"POST"}}""");

        await Assert.ThrowsAsync<HttpRequestException>(() => Api.PostJsonAsync("/v1/metrics", Gauge));
        var next = await Api.PostJsonAsync("/v1/metrics", """{"gauges":[{"name":"after","value":1}]}""");

        Assert.Equal(200, next.Status);
        Assert.Null(State.GetMetric(EmulatorFixture.Email, "g"));
        Assert.Equal("drop", LoggedRequests[0].Fault);
    }

    [Fact]
    public async Task DropAfterADelayIsSlowThenBroken()
    {
        await AddFault("""{"kind":"drop","delay_ms":250}""");

        var watch = Stopwatch.StartNew();
        await Assert.ThrowsAsync<HttpRequestException>(() => Api.GetAsync("/v1/metrics"));

        Assert.True(watch.ElapsedMilliseconds >= 240, $"dropped after {watch.ElapsedMilliseconds} ms");
        Assert.Equal("drop", LoggedRequests.Single().Fault);
    }

    [Fact]
    public async Task DropAfterProcessingStoresTheData()
    {
        await AddFault("""{"kind":"drop","process":true}""");

        await Assert.ThrowsAsync<HttpRequestException>(() => Api.PostJsonAsync("/v1/measurements", Tagged));

        Assert.Equal(1, Stored);
        Assert.Equal(202, LoggedRequests.Single().Status);
    }

    [Fact]
    public async Task DropAfterHeadersShowsTheStatusThenFailsTheBody()
    {
        await AddFault("""{"kind":"drop","after":"headers","status":200}""");
        using var http = NewClient();
        var request = new HttpRequestMessage(HttpMethod.Get, "/v1/metrics");
        request.Headers.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue(
            "Basic", Convert.ToBase64String(System.Text.Encoding.UTF8.GetBytes(EmulatorFixture.Email + ":" + EmulatorFixture.Token)));

        using var response = await http.SendAsync(request, HttpCompletionOption.ResponseHeadersRead);

        Assert.Equal(200, (int)response.StatusCode);
        Assert.True(response.Content.Headers.ContentLength > 0);
        await Assert.ThrowsAnyAsync<Exception>(() => response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task TruncateCutsTheRouteOwnBodyShort()
    {
        await Api.PutJsonAsync("/v1/metrics/cpu", """{"type":"gauge","description":"a description long enough to cut"}""");
        string full = (await Api.GetAsync("/v1/metrics")).Body;
        await AddFault("""{"kind":"truncate","match":{"method":"GET"}}""");

        var cut = await Api.GetAsync("/v1/metrics");

        Assert.Equal(200, cut.Status);
        Assert.Equal("application/json; charset=utf-8", cut.ContentType);
        Assert.Equal(full.Substring(0, full.Length / 2), cut.Body);
        Assert.Equal(cut.Body.Length, cut.Message.Content.Headers.ContentLength);
        Assert.ThrowsAny<JsonException>(() => JsonDocument.Parse(cut.Body));
        Assert.Equal("truncate", LoggedRequests.Last().Fault);
    }

    [Fact]
    public async Task TruncateWithAGivenBodyAndLength()
    {
        await AddFault("""{"kind":"truncate","status":202,"body":"{\"measurements\":{\"summary\":{}}}","bytes":10,"process":false}""");

        var cut = await Api.PostJsonAsync("/v1/measurements", Tagged);

        Assert.Equal((202, "{\"measurem"), (cut.Status, cut.Body));
        Assert.Equal(0, Stored);
    }

    [Fact]
    public async Task TruncateOfAnEmptyAnswerCutsAPlaceholder()
    {
        await AddFault("""{"kind":"truncate"}""");

        var cut = await Api.PostJsonAsync("/v1/metrics", Gauge);

        Assert.Equal(200, cut.Status);
        Assert.StartsWith("{\"errors\":", cut.Body, StringComparison.Ordinal);
        Assert.ThrowsAny<JsonException>(() => JsonDocument.Parse(cut.Body));
        Assert.Equal(1, Stored);
    }

    [Fact]
    public async Task NonJsonAnswersAnHtmlPage()
    {
        await AddFault("""{"kind":"nonjson"}""");
        await AddFault("""{"kind":"nonjson","status":200,"body":"<html><body>Sign in to the proxy</body></html>"}""");

        var gateway = await Api.PostJsonAsync("/v1/measurements", Tagged);
        var portal = await Api.GetAsync("/v1/metrics");

        Assert.Equal((502, "text/html; charset=utf-8"), (gateway.Status, gateway.ContentType));
        Assert.Contains("<title>502 Bad Gateway</title>", gateway.Body, StringComparison.Ordinal);
        Assert.Equal((200, "<html><body>Sign in to the proxy</body></html>"), (portal.Status, portal.Body));
        Assert.Equal(0, Stored);
    }

    [Fact]
    public async Task StoredThen5xxKeepsTheDataButReportsAnError()
    {
        await AddFault("""{"kind":"stored-then-5xx","status":504,"match":{"path":"/v1/measurements"}}""");

        var response = await Api.PostJsonAsync("/v1/measurements", Tagged);

        Assert.Equal(504, response.Status);
        Assert.Equal("""{"errors":{"system":["The emulator answered 504 because a fault was injected."]}}""", response.Body);
        Assert.True(response.Message.Headers.Contains("X-Librato-RateLimit-Agg"));
        Assert.Equal(1, Stored);
        var entry = LoggedRequests.Single();
        Assert.Equal(("stored-then-5xx", 504), (entry.Fault, entry.Status));
    }

    [Fact]
    public async Task RequestLogShowsTheFaultOverTheControlApi()
    {
        await AddFault("""{"kind":"status","status":503}""");
        await Api.GetAsync("/v1/metrics");
        await Api.GetAsync("/v1/metrics");

        var log = (await Control.GetAsync("/_emulator/requests")).Json;

        Assert.Equal("status", log[0].GetProperty("fault").GetString());
        Assert.Equal(503, log[0].GetProperty("status").GetInt32());
        Assert.Equal(JsonValueKind.Null, log[1].GetProperty("fault").ValueKind);
    }

    [Fact]
    public async Task ResetClearsPendingFaults()
    {
        await AddFault("""{"kind":"status"}""");

        await Control.PostJsonAsync("/_emulator/reset", string.Empty, contentType: string.Empty);

        Assert.Equal(200, (await Api.GetAsync("/v1/metrics")).Status);
    }
}
