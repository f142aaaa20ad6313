using System.Net.Http;
using System.Threading.Tasks;
using Xunit;

namespace Librato.Emulator.Tests.Support;

/// <summary>One emulator on a free loopback port, shared by the tests of a class.</summary>
public sealed class EmulatorFixture : IAsyncLifetime
{
    public const string Email = "demo@example.com";
    public const string Token = "demo-token";
    public const string OtherEmail = "other@example.com";
    public const string OtherToken = "other-token";
    public const string ColonEmail = "colon@example.com";
    public const string ColonToken = "tok:en:with:colons";

    private EmulatorHost? host;
    private HttpClient? http;

    public EmulatorHost Host => host!;

    public EmulatorState State => Host.State;

    /// <summary>The first account, the one most tests use.</summary>
    public ApiClient Api => new(http!, Email, Token);

    public ApiClient Other => new(http!, OtherEmail, OtherToken);

    public ApiClient As(string? email, string? token) => new(http!, email, token);

    public ApiClient Anonymous => new(http!, null, null);

    public async Task InitializeAsync()
    {
        var options = new EmulatorOptions();
        options.Accounts.Add(new EmulatorAccount(Email, Token));
        options.Accounts.Add(new EmulatorAccount(OtherEmail, OtherToken));
        options.Accounts.Add(new EmulatorAccount(ColonEmail, ColonToken));
        host = await EmulatorHost.StartAsync(options);
        // Redirects are seen as they are (a redirect fault is one), not followed.
        http = new HttpClient(new HttpClientHandler { AllowAutoRedirect = false }) { BaseAddress = host.BaseAddress };
    }

    public async Task DisposeAsync()
    {
        http?.Dispose();
        if (host is not null)
        {
            await host.DisposeAsync();
        }
    }
}
