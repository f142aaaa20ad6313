using System;
using System.Net.Http;
using System.Threading.Tasks;
using Librato.Emulator.Tests.Support;
using Xunit;

namespace Librato.Emulator.Tests.Api;

/// <summary>One emulator whose account has an admin, a recorder, a viewer and an inactive token.</summary>
public sealed class TokenRoleFixture : IAsyncLifetime
{
    public const string Email = "roles@example.com";

    private HttpClient? http;

    public EmulatorHost Host { get; private set; } = null!;

    public ApiClient As(string token) => new(http!, Email, token);

    public async Task InitializeAsync()
    {
        var options = new EmulatorOptions();
        options.Accounts.Add(new EmulatorAccount(Email, "admin-token")
        {
            OtherTokens = new[]
            {
                new EmulatorToken("recorder-token", EmulatorTokenRole.Recorder),
                new EmulatorToken("viewer-token", EmulatorTokenRole.Viewer),
                new EmulatorToken("retired-token", EmulatorTokenRole.Admin, Active: false),
            },
        });
        Host = await EmulatorHost.StartAsync(options);
        http = new HttpClient { BaseAddress = Host.BaseAddress };
    }

    public async Task DisposeAsync()
    {
        http?.Dispose();
        await Host.DisposeAsync();
    }
}

public sealed class TokenRoleTests : IClassFixture<TokenRoleFixture>
{
    private const string Forbidden = """{"errors":{"request":["This token is not permitted to perform this action on this resource"]}}""";

    private readonly TokenRoleFixture fixture;

    public TokenRoleTests(TokenRoleFixture fixture)
    {
        this.fixture = fixture;
        fixture.Host.State.Reset();
    }

    private static Task<ApiResponse> PostGauge(ApiClient api) => api.PostJsonAsync("/v1/metrics", """{"gauges":[{"name":"g","value":1}]}""");

    private static Task<ApiResponse> PostTagged(ApiClient api) =>
        api.PostJsonAsync("/v1/measurements", """{"tags":{"h":"a"},"measurements":[{"name":"t","value":1}]}""");

    [Fact]
    public async Task AdminMayDoEverything()
    {
        var admin = fixture.As("admin-token");

        Assert.Equal(200, (await PostGauge(admin)).Status);
        Assert.Equal(202, (await PostTagged(admin)).Status);
        Assert.Equal(201, (await admin.PutJsonAsync("/v1/metrics/created", """{"type":"gauge"}""")).Status);
        Assert.Equal(200, (await admin.GetAsync("/v1/metrics")).Status);
        Assert.NotEqual(403, (await admin.SendJsonAsync(HttpMethod.Delete, "/v1/metrics", """{"names":["g"]}""")).Status);
    }

    [Fact]
    public async Task ViewerMayOnlyRead()
    {
        var viewer = fixture.As("viewer-token");
        await PostGauge(fixture.As("admin-token"));

        Assert.Equal(200, (await viewer.GetAsync("/v1/metrics")).Status);
        Assert.Equal(200, (await viewer.GetAsync("/v1/metrics/g")).Status);
        foreach (var refused in new[]
                 {
                     await PostGauge(viewer),
                     await PostTagged(viewer),
                     await viewer.PutJsonAsync("/v1/metrics/g", """{"display_name":"x"}"""),
                     await viewer.SendJsonAsync(HttpMethod.Delete, "/v1/metrics", """{"names":["g"]}"""),
                     await viewer.PostJsonAsync("/v1/annotations/deploys", """{"title":"x"}"""),
                 })
        {
            Assert.Equal(403, refused.Status);
            Assert.Equal(Forbidden, refused.Body);
        }

        Assert.Equal(1, fixture.Host.State.GetStats(TokenRoleFixture.Email).Measurements);
        Assert.Null(fixture.Host.State.GetMetric(TokenRoleFixture.Email, "g")!.DisplayName);
    }

    [Fact]
    public async Task RecorderMayReadSubmitAndAnnotateButNotManage()
    {
        var recorder = fixture.As("recorder-token");

        Assert.Equal(200, (await PostGauge(recorder)).Status);
        Assert.Equal(202, (await PostTagged(recorder)).Status);
        Assert.Equal(200, (await recorder.GetAsync("/v1/metrics")).Status);
        Assert.NotEqual(403, (await recorder.PostJsonAsync("/v1/annotations/deploys", """{"title":"x"}""")).Status);

        var put = await recorder.PutJsonAsync("/v1/metrics/g", """{"display_name":"x"}""");
        var delete = await recorder.SendJsonAsync(HttpMethod.Delete, "/v1/metrics", """{"names":["g"]}""");
        var otherPost = await recorder.PostJsonAsync("/v1/alerts", """{"name":"a"}""");
        Assert.Equal((403, 403, 403), (put.Status, delete.Status, otherPost.Status));
        Assert.Equal(Forbidden, put.Body);
    }

    [Fact]
    public async Task InactiveTokenIs401()
    {
        var response = await fixture.As("retired-token").GetAsync("/v1/metrics");

        Assert.Equal(401, response.Status);
        Assert.Equal("""{"errors":{"request":["Authentication failed: this token is not active."]}}""", response.Body);
        Assert.Null(Assert.Single(fixture.Host.State.GetRequests()).User);
    }

    [Fact]
    public async Task RefusalsAreLoggedAndCountAgainstTheRateLimit()
    {
        var viewer = fixture.As("viewer-token");

        var refused = await PostGauge(viewer);

        Assert.Equal(403, fixture.Host.State.GetRequests(TokenRoleFixture.Email)[0].Status);
        Assert.True(refused.Message.Headers.Contains("X-Librato-RateLimit-Agg"));
    }

    [Fact]
    public async Task TokensAddedAtRunTimeWorkAtOnceAndFollowChanges()
    {
        var tokens = fixture.Host.State.FindStore(TokenRoleFixture.Email)!.Tokens;
        var entry = tokens.Add("runtime-token", EmulatorTokenRole.Viewer, active: true, name: "made at run time");
        var runtime = fixture.As("runtime-token");

        Assert.Equal(200, (await runtime.GetAsync("/v1/metrics")).Status);
        Assert.Equal(403, (await PostGauge(runtime)).Status);

        entry.Role = EmulatorTokenRole.Recorder;
        Assert.Equal(200, (await PostGauge(runtime)).Status);

        entry.Active = false;
        Assert.Equal(401, (await runtime.GetAsync("/v1/metrics")).Status);

        Assert.True(tokens.Remove("runtime-token"));
        var removed = await runtime.GetAsync("/v1/metrics");
        Assert.Equal("""{"errors":{"request":["Authentication failed: invalid email or token."]}}""", removed.Body);
    }

    [Fact]
    public async Task ResetDropsRunTimeTokensAndRestoresConfiguredOnes()
    {
        var tokens = fixture.Host.State.FindStore(TokenRoleFixture.Email)!.Tokens;
        tokens.Add("temporary", EmulatorTokenRole.Admin, active: true);
        tokens.Find("viewer-token")!.Active = false;

        fixture.Host.State.Reset();

        Assert.Equal(401, (await fixture.As("temporary").GetAsync("/v1/metrics")).Status);
        Assert.Equal(200, (await fixture.As("viewer-token").GetAsync("/v1/metrics")).Status);
        Assert.Equal(new[] { 1, 2, 3, 4 }, Array.ConvertAll(tokens.Snapshot().ToArray(), t => t.Id));
    }

    [Fact]
    public void AddingADuplicateTokenThrows()
    {
        var tokens = fixture.Host.State.FindStore(TokenRoleFixture.Email)!.Tokens;

        Assert.Throws<InvalidOperationException>(() => tokens.Add("viewer-token", EmulatorTokenRole.Admin, active: true));
    }
}
