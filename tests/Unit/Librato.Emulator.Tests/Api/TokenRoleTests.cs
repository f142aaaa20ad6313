using System.Linq;
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
    public async Task ViewerTokenCreatedThroughTheApiReadsButCannotWriteAndStopsWhenDeactivatedOrDeleted()
    {
        var admin = fixture.As("admin-token");
        var created = await admin.PostJsonAsync("/v1/api_tokens", """{"name":"dashboards","role":"viewer"}""");
        Assert.Equal(201, created.Status);
        string href = created.Location()!;
        var viewer = fixture.As(created.Json.GetProperty("token").GetString()!);
        await PostGauge(admin);

        Assert.Equal(200, (await viewer.GetAsync("/v1/metrics/g")).Status);
        var refused = await PostTagged(viewer);
        Assert.Equal((403, Forbidden), (refused.Status, refused.Body));
        Assert.Equal(403, (await PostGauge(viewer)).Status);
        Assert.Equal(1, fixture.Host.State.GetStats(TokenRoleFixture.Email).Measurements);

        Assert.Equal(200, (await admin.PutJsonAsync(href, """{"active":false}""")).Status);
        var inactive = await viewer.GetAsync("/v1/metrics");
        Assert.Equal(401, inactive.Status);
        Assert.Equal("""{"errors":{"request":["Authentication failed: this token is not active."]}}""", inactive.Body);

        Assert.Equal(200, (await admin.PutJsonAsync(href, """{"active":true}""")).Status);
        Assert.Equal(200, (await viewer.GetAsync("/v1/metrics")).Status);

        Assert.Equal(204, (await admin.DeleteAsync(href)).Status);
        var deleted = await viewer.GetAsync("/v1/metrics");
        Assert.Equal(401, deleted.Status);
        Assert.Equal("""{"errors":{"request":["Authentication failed: invalid email or token."]}}""", deleted.Body);
        Assert.Equal("Basic realm=\"Librato API\"", deleted.Message.Headers.WwwAuthenticate.ToString());
    }

    [Fact]
    public async Task RoleChangedThroughTheApiAppliesToTheNextRequest()
    {
        var admin = fixture.As("admin-token");
        var created = await admin.PostFormAsync("/v1/api_tokens", "name=collector&role=viewer");
        var token = fixture.As(created.Json.GetProperty("token").GetString()!);
        Assert.Equal(403, (await PostGauge(token)).Status);

        await admin.PutFormAsync(created.Location()!, "role=recorder");
        Assert.Equal(200, (await PostGauge(token)).Status);
        Assert.Equal(202, (await PostTagged(token)).Status);
        Assert.Equal(403, (await token.PutJsonAsync("/v1/metrics/g", """{"display_name":"x"}""")).Status);

        await admin.PutJsonAsync(created.Location()!, """{"role":"admin"}""");
        Assert.Equal(204, (await token.PutJsonAsync("/v1/metrics/g", """{"display_name":"x"}""")).Status);
        Assert.Equal(201, (await token.PostJsonAsync("/v1/api_tokens", """{"name":"made by a made token","role":"viewer"}""")).Status);
    }

    [Fact]
    public async Task OnlyAdminTokensManageTokens()
    {
        foreach (string token in new[] { "viewer-token", "recorder-token" })
        {
            var response = await fixture.As(token).PostJsonAsync("/v1/api_tokens", """{"name":"escalate","role":"admin"}""");
            Assert.Equal(403, response.Status);
        }

        Assert.Equal(200, (await fixture.As("viewer-token").GetAsync("/v1/api_tokens")).Status);
        Assert.Equal(0, (await fixture.As("admin-token").GetAsync("/v1/api_tokens")).Json.GetProperty("query").GetProperty("total").GetInt32());
    }

    [Fact]
    public async Task InactiveTokenCreatedThroughTheApiIs401FromTheStart()
    {
        var created = await fixture.As("admin-token").PostJsonAsync("/v1/api_tokens", """{"name":"spare","role":"admin","active":false}""");

        var response = await fixture.As(created.Json.GetProperty("token").GetString()!).GetAsync("/v1/metrics");

        Assert.Equal(401, response.Status);
        Assert.Equal("""{"errors":{"request":["Authentication failed: this token is not active."]}}""", response.Body);
    }

    [Fact]
    public async Task ResetDropsCreatedTokensAndKeepsConfiguredOnes()
    {
        var created = await fixture.As("admin-token").PostJsonAsync("/v1/api_tokens", """{"name":"temporary","role":"admin"}""");
        var temporary = fixture.As(created.Json.GetProperty("token").GetString()!);
        Assert.Equal(200, (await temporary.GetAsync("/v1/metrics")).Status);

        fixture.Host.State.Reset();

        Assert.Equal(401, (await temporary.GetAsync("/v1/metrics")).Status);
        Assert.Equal(200, (await fixture.As("viewer-token").GetAsync("/v1/metrics")).Status);
        var tokens = fixture.Host.State.FindStore(TokenRoleFixture.Email)!.Tokens.Snapshot();
        Assert.Equal(new[] { "admin-token", "recorder-token", "viewer-token", "retired-token" }, tokens.Select(t => t.Token).ToArray());
        Assert.All(tokens, t => Assert.True(t.Configured));
    }
}
