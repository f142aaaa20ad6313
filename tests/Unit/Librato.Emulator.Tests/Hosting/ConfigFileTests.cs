using System;
using System.Linq;
using System.Net.Http;
using System.Threading.Tasks;
using Librato.Emulator.Tests.Support;
using Xunit;

namespace Librato.Emulator.Tests.Hosting;

public sealed class ConfigFileTests : IDisposable
{
    private const string Config = """
        {
          // Comments and trailing commas are allowed, as in most hand-written config files.
          "accounts": [
            {
              "email": "ops@example.com",
              "tokens": [
                {"token": "ops-view", "role": "viewer", "name": "dashboards"},
                {"token": "ops-admin", "role": "admin"},
                {"token": "ops-old", "role": "recorder", "active": false},
              ],
              "rate_limit": {"limit": 5, "window_seconds": 600, "status": 403}
            },
            {"email": "ci@example.com", "tokens": [{"token": "ci-rec", "role": "recorder"}]}
          ]
        }
        """;

    private readonly TempDirectory directory = new();

    public void Dispose() => directory.Dispose();

    private static async Task<int> Status(EmulatorHost host, string email, string token, string method, string path, string? json = null)
    {
        using var http = new HttpClient { BaseAddress = host.BaseAddress };
        var api = new ApiClient(http, email, token);
        var request = new HttpRequestMessage(new HttpMethod(method), path);
        if (json is not null)
        {
            request.Content = ApiClient.Body(json, false, "application/json");
        }

        return (await api.SendAsync(request)).Status;
    }

    [Fact]
    public async Task AccountsTokensRolesAndLimitsComeFromTheFile()
    {
        var options = new EmulatorOptions { ConfigFile = directory.Write("accounts.json", Config) };
        options.Accounts.Add(new EmulatorAccount("cli@example.com", "cli-token"));
        await using var host = await EmulatorHost.StartAsync(options);

        Assert.Equal(new[] { "cli@example.com", "ops@example.com", "ci@example.com" }, host.State.Accounts.Select(a => a.Email));
        Assert.Equal(200, await Status(host, "ops@example.com", "ops-view", "GET", "/v1/metrics"));
        Assert.Equal(403, await Status(host, "ops@example.com", "ops-view", "PUT", "/v1/metrics/m", """{"type":"gauge"}"""));
        Assert.Equal(201, await Status(host, "ops@example.com", "ops-admin", "PUT", "/v1/metrics/m", """{"type":"gauge"}"""));
        Assert.Equal(401, await Status(host, "ops@example.com", "ops-old", "GET", "/v1/metrics"));
        Assert.Equal(200, await Status(host, "ci@example.com", "ci-rec", "POST", "/v1/metrics", """{"gauges":[{"name":"g","value":1}]}"""));
        Assert.Equal(403, await Status(host, "ci@example.com", "ci-rec", "PUT", "/v1/metrics/g", """{"display_name":"x"}"""));
        Assert.Equal(201, await Status(host, "cli@example.com", "cli-token", "PUT", "/v1/metrics/m", """{"type":"gauge"}"""));

        // Three of the ops account's five requests per window are used; the sixth meets the historical 403.
        Assert.Equal(200, await Status(host, "ops@example.com", "ops-admin", "GET", "/v1/metrics"));
        Assert.Equal(200, await Status(host, "ops@example.com", "ops-admin", "GET", "/v1/metrics"));
        Assert.Equal(403, await Status(host, "ops@example.com", "ops-admin", "GET", "/v1/metrics"));
        Assert.Equal(new EmulatorRateLimit(5, 600, 403), host.State.GetRateLimit("ops@example.com"));
        Assert.Null(host.State.GetRateLimit("ci@example.com").Limit);
        Assert.Equal("dashboards", host.State.FindStore("ops@example.com")!.Tokens.Find("ops-view")!.Name);
    }

    [Fact]
    public async Task AnAccountLimitLeftPartlyOutTakesTheRestFromTheOptions()
    {
        string path = directory.Write("accounts.json", """
            {"accounts":[{"email":"a@example.com","tokens":[{"token":"t"}],"rate_limit":{"limit":9}}]}
            """);
        await using var host = await EmulatorHost.StartAsync(new EmulatorOptions { ConfigFile = path, RateLimitWindowSeconds = 30, RateLimitStatus = 403 });

        Assert.Equal(new EmulatorRateLimit(9, 30, 403), host.State.GetRateLimit("a@example.com"));
        Assert.Equal(EmulatorTokenRole.Admin, host.State.FindStore("a@example.com")!.Tokens.Find("t")!.Role);
    }

    [Theory]
    [InlineData("""{"accounts":[{"email":"a@example.com","tokens":[{"token":"t","role":"owner"}]}]}""", "accounts[0].tokens[0].role must be admin, recorder or viewer.")]
    [InlineData("""{"accounts":[{"email":"a@example.com","tokens":[]}]}""", "accounts[0] needs a non-empty \"tokens\" array.")]
    [InlineData("""{"accounts":[{"tokens":[{"token":"t"}]}]}""", "accounts[0] needs an \"email\" string.")]
    [InlineData("""{"accounts":[{"email":"a@example.com","tokens":[{"token":"t","actve":false}]}]}""", "unknown field \"actve\" in accounts[0].tokens[0]")]
    [InlineData("""{"accounts":[{"email":"a@example.com","tokens":[{"token":"t","active":"no"}]}]}""", "accounts[0].tokens[0].active must be true or false.")]
    [InlineData("""{"accounts":[{"email":"a@example.com","tokens":[{"token":"t"}],"rate_limit":{"status":500}}]}""", "accounts[0].rate_limit: the rate-limit status must be 429 or 403.")]
    [InlineData("""{"accounts":[{"email":"a@example.com","tokens":[{"token":"t"},{"token":"t"}]}]}""", "The account 'a@example.com' lists the same token more than once.")]
    [InlineData("""{"accounts":[{"email":"demo@example.com","tokens":[{"token":"t"}]}]}""", "The account 'demo@example.com' is configured more than once.")]
    [InlineData("""{"users":[]}""", "must be an object with an \"accounts\" array.")]
    [InlineData("""{"accounts":[""", "Could not read the config file")]
    public async Task ProblemsInTheFileAreReported(string content, string message)
    {
        var options = new EmulatorOptions { ConfigFile = directory.Write("accounts.json", content) };
        options.Accounts.Add(EmulatorAccount.Default);

        var error = await Assert.ThrowsAsync<ArgumentException>(() => EmulatorHost.StartAsync(options));

        Assert.Contains(message, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task MissingFileIsReported()
    {
        var options = new EmulatorOptions { ConfigFile = directory.File("nowhere.json") };

        var error = await Assert.ThrowsAsync<ArgumentException>(() => EmulatorHost.StartAsync(options));

        Assert.Contains("Could not read the config file", error.Message, StringComparison.Ordinal);
    }
}
