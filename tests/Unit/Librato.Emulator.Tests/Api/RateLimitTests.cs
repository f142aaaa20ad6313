using System;
using System.Linq;
using System.Net.Http;
using System.Text.RegularExpressions;
using System.Threading.Tasks;
using Librato.Emulator.Tests.Support;
using Xunit;

namespace Librato.Emulator.Tests.Api;

public sealed class RateLimitTests : EmulatorTestBase
{
    private const string RequestLimitBody =
        """{"errors":{"request":["You have hit the API limit for requests [api:request_rate]. Contact: support@librato.com to adjust this limit."]}}""";

    private const string MeasurementLimitBody =
        """{"errors":{"request":["You have hit the API limit for measurements [measure:raw_rate]. Contact: support@librato.com to adjust this limit."]}}""";

    public RateLimitTests(EmulatorFixture fixture)
        : base(fixture)
    {
    }

    private static (long Limit, long Remaining, long Reset) Parse(ApiResponse response, string bucket)
    {
        Assert.True(response.Message.Headers.TryGetValues("X-Librato-RateLimit-" + bucket, out var values), $"no {bucket} header on {response}");
        var match = Regex.Match(values.Single(), @"^limit=(\d+),remaining=(\d+),reset=(\d+)$");
        Assert.True(match.Success, values.Single());
        return (long.Parse(match.Groups[1].Value), long.Parse(match.Groups[2].Value), long.Parse(match.Groups[3].Value));
    }

    private Task<ApiResponse> SetLimit(string json, string? user = EmulatorFixture.Email) =>
        Fixture.Anonymous.SendJsonAsync(HttpMethod.Put, "/_emulator/rate-limit" + (user is null ? string.Empty : "?user=" + Uri.EscapeDataString(user)), json);

    [Fact]
    public async Task EveryAuthenticatedResponseCarriesBothHeaders()
    {
        var first = await Api.GetAsync("/v1/metrics");
        var second = await Api.GetAsync("/v1/metrics");
        var missing = await Api.GetAsync("/v1/metrics/none");
        var invalid = await Api.PostJsonAsync("/v1/metrics", "{not json");

        var std1 = Parse(first, "Std");
        var std2 = Parse(second, "Std");
        Assert.Equal(600000, std1.Limit);
        Assert.Equal(std1.Remaining - 1, std2.Remaining);
        Assert.Equal(std2.Remaining - 1, Parse(missing, "Std").Remaining);
        Assert.InRange(std1.Reset, Now, Now + 61);
        Assert.Equal(Parse(first, "Agg").Remaining, Parse(second, "Agg").Remaining);
        Assert.Equal(Parse(second, "Agg").Remaining - 1, Parse(invalid, "Agg").Remaining);
        Assert.Equal(400, invalid.Status);
    }

    [Fact]
    public async Task MeasurementSubmissionsCountAgainstAggAndEverythingElseAgainstStd()
    {
        var before = await Api.GetAsync("/v1/metrics");
        await Api.PostJsonAsync("/v1/metrics", """{"gauges":[{"name":"a","value":1}]}""");
        await Api.PostJsonAsync("/v1/measurements", """{"tags":{"h":"x"},"measurements":[{"name":"b","value":1}]}""");
        await Api.PutJsonAsync("/v1/metrics/c", """{"type":"gauge"}""");
        var after = await Api.GetAsync("/v1/metrics");

        Assert.Equal(Parse(before, "Agg").Remaining - 2, Parse(after, "Agg").Remaining);
        Assert.Equal(Parse(before, "Std").Remaining - 2, Parse(after, "Std").Remaining);
    }

    [Fact]
    public async Task UnauthenticatedResponsesCarryNoRateLimitHeaders()
    {
        var response = await Fixture.Anonymous.GetAsync("/v1/metrics");

        Assert.Equal(401, response.Status);
        Assert.False(response.Message.Headers.Contains("X-Librato-RateLimit-Std"));
        Assert.False(response.Message.Headers.Contains("X-Librato-RateLimit-Agg"));
    }

    [Fact]
    public async Task OverTheLimitIs429WithRetryAfterAndTheOtherBucketStillWorks()
    {
        Assert.Equal(204, (await SetLimit("""{"limit":2,"window_seconds":3600}""")).Status);

        var first = await Api.GetAsync("/v1/metrics");
        var second = await Api.GetAsync("/v1/metrics");
        var refused = await Api.GetAsync("/v1/metrics");
        var submission = await Api.PostJsonAsync("/v1/metrics", """{"gauges":[{"name":"a","value":1}]}""");
        var otherAccount = await Fixture.Other.GetAsync("/v1/metrics");

        Assert.Equal((2L, 1L), (Parse(first, "Std").Limit, Parse(first, "Std").Remaining));
        Assert.Equal(0, Parse(second, "Std").Remaining);
        Assert.Equal(429, refused.Status);
        Assert.Equal(RequestLimitBody, refused.Body);
        Assert.Equal(0, Parse(refused, "Std").Remaining);
        Assert.InRange(refused.Message.Headers.RetryAfter!.Delta!.Value.TotalSeconds, 3590, 3600);
        Assert.InRange(Parse(refused, "Std").Reset, Now + 3590, Now + 3601);
        Assert.Equal(200, submission.Status);
        Assert.Equal(200, otherAccount.Status);
        Assert.Equal(600000, Parse(otherAccount, "Std").Limit);
    }

    [Fact]
    public async Task RefusedSubmissionStoresNothing()
    {
        await SetLimit("""{"limit":1}""");

        var accepted = await Api.PostJsonAsync("/v1/measurements", """{"tags":{"h":"x"},"measurements":[{"name":"b","value":1}]}""");
        var refused = await Api.PostJsonAsync("/v1/measurements", """{"tags":{"h":"y"},"measurements":[{"name":"b","value":2}]}""");

        Assert.Equal(202, accepted.Status);
        Assert.Equal(429, refused.Status);
        Assert.Equal(MeasurementLimitBody, refused.Body);
        Assert.Equal(1, State.GetStats(EmulatorFixture.Email).Measurements);
        Assert.Equal(429, State.GetRequests(EmulatorFixture.Email).Last().Status);
    }

    [Fact]
    public async Task HistoricalShapeIs403WithRequestTimeAndNoRetryAfter()
    {
        await SetLimit("""{"limit":1,"status":403}""");

        await Api.PostJsonAsync("/v1/metrics", """{"gauges":[{"name":"a","value":1}]}""");
        var refused = await Api.PostJsonAsync("/v1/metrics", """{"gauges":[{"name":"a","value":2}]}""");

        Assert.Equal(403, refused.Status);
        Assert.Equal(
            "You have hit the API limit for measurements [measure:raw_rate]. Contact: support@librato.com to adjust this limit.",
            refused.Json.GetProperty("error").GetString());
        Assert.InRange(refused.Json.GetProperty("request_time").GetInt64(), Now - 5, Now);
        Assert.Equal(2, refused.Json.EnumerateObject().Count());
        Assert.Null(refused.Message.Headers.RetryAfter);
    }

    [Fact]
    public async Task ANewWindowStartsAfterTheOldOneEnds()
    {
        await SetLimit("""{"limit":1,"window_seconds":1}""");

        var first = await Api.GetAsync("/v1/metrics");
        var refused = await Api.GetAsync("/v1/metrics");
        await Task.Delay(1100);
        var again = await Api.GetAsync("/v1/metrics");

        Assert.Equal((200, 429, 200), (first.Status, refused.Status, again.Status));
        Assert.Equal("1", refused.Message.Headers.GetValues("Retry-After").Single());
    }

    [Fact]
    public async Task ControlApiShowsSettingsAndUsage()
    {
        await SetLimit("""{"limit":5,"window_seconds":120,"status":403}""");
        await Api.GetAsync("/v1/metrics");
        await Api.GetAsync("/v1/metrics");

        var shown = await Fixture.Anonymous.GetAsync("/_emulator/rate-limit?user=" + Uri.EscapeDataString(EmulatorFixture.Email));

        Assert.Equal(200, shown.Status);
        var json = shown.Json;
        Assert.Equal((EmulatorFixture.Email, 5, 120, 403),
            (json.GetProperty("user").GetString(), json.GetProperty("limit").GetInt32(), json.GetProperty("window_seconds").GetInt32(), json.GetProperty("status").GetInt32()));
        Assert.Equal((5, 3), (json.GetProperty("std").GetProperty("limit").GetInt32(), json.GetProperty("std").GetProperty("remaining").GetInt32()));
        Assert.Equal(5, json.GetProperty("agg").GetProperty("remaining").GetInt32());
        Assert.Equal(new EmulatorRateLimit(5, 120, 403), State.GetRateLimit(EmulatorFixture.Email));
    }

    [Fact]
    public async Task ControlApiWithoutUserChangesEveryAccountAndKeepsOmittedFields()
    {
        await SetLimit("""{"window_seconds":30}""", EmulatorFixture.OtherEmail);
        Assert.Equal(204, (await SetLimit("""{"limit":7}""", null)).Status);

        Assert.Equal(new EmulatorRateLimit(7, 60, 429), State.GetRateLimit(EmulatorFixture.Email));
        Assert.Equal(new EmulatorRateLimit(7, 30, 429), State.GetRateLimit(EmulatorFixture.OtherEmail));

        Assert.Equal(204, (await SetLimit("""{"limit":null}""", null)).Status);
        Assert.Null(State.GetRateLimit(EmulatorFixture.ColonEmail).Limit);
    }

    [Theory]
    [InlineData("""{"limit":0}""", "limit", "must be a whole number of at least 1, or null for no limit")]
    [InlineData("""{"limit":"many"}""", "limit", "must be a whole number of at least 1, or null for no limit")]
    [InlineData("""{"window_seconds":0}""", "window_seconds", "must be a whole number between 1 and 86400")]
    [InlineData("""{"status":500}""", "status", "must be 429 or 403")]
    [InlineData("""{"limits":3}""", "limits", "is not a rate-limit field (use limit, window_seconds, status)")]
    public async Task InvalidSettingsAre400(string json, string field, string message)
    {
        var response = await SetLimit(json);

        Assert.Equal(400, response.Status);
        Assert.Equal(ExpectedBodies.ParamError(field, message), response.Body);
        Assert.Null(State.GetRateLimit(EmulatorFixture.Email).Limit);
    }

    [Fact]
    public async Task UnknownUserAndBadBodyAreRefused()
    {
        var unknown = await SetLimit("""{"limit":1}""", "nobody@example.com");
        var notJson = await SetLimit("limit=1");

        Assert.Equal(404, unknown.Status);
        Assert.Equal("""{"errors":{"request":["No account 'nobody@example.com' is configured"]}}""", unknown.Body);
        Assert.Equal(400, notJson.Status);
        Assert.Equal(404, (await Fixture.Anonymous.GetAsync("/_emulator/rate-limit?user=nobody@example.com")).Status);
    }

    [Fact]
    public async Task ResetRestoresTheConfiguredLimit()
    {
        await SetLimit("""{"limit":1}""");
        await Api.GetAsync("/v1/metrics");
        Assert.Equal(429, (await Api.GetAsync("/v1/metrics")).Status);

        Assert.Equal(204, (await Fixture.Anonymous.PostJsonAsync("/_emulator/reset", string.Empty, contentType: string.Empty)).Status);

        Assert.Null(State.GetRateLimit(EmulatorFixture.Email).Limit);
        Assert.Equal(200, (await Api.GetAsync("/v1/metrics")).Status);
    }
}
