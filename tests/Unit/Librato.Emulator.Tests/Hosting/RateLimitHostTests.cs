using System.Net.Http;
using System.Threading.Tasks;
using Librato.Emulator.Tests.Support;
using Xunit;

namespace Librato.Emulator.Tests.Hosting;

public sealed class RateLimitHostTests
{
    [Fact]
    public async Task OptionsSetTheLimitAndAnAccountCanOverrideIt()
    {
        var options = new EmulatorOptions { RateLimit = 1, RateLimitStatus = 403, RateLimitWindowSeconds = 600 };
        options.Accounts.Add(new EmulatorAccount("limited@example.com", "t1"));
        options.Accounts.Add(new EmulatorAccount("generous@example.com", "t2") { RateLimit = new EmulatorRateLimit(3, 600, 429) });
        await using var host = await EmulatorHost.StartAsync(options);
        using var http = new HttpClient { BaseAddress = host.BaseAddress };
        var limited = new ApiClient(http, "limited@example.com", "t1");
        var generous = new ApiClient(http, "generous@example.com", "t2");

        Assert.Equal(200, (await limited.GetAsync("/v1/metrics")).Status);
        Assert.Equal(403, (await limited.GetAsync("/v1/metrics")).Status);
        for (int i = 0; i < 3; i++)
        {
            Assert.Equal(200, (await generous.GetAsync("/v1/metrics")).Status);
        }

        Assert.Equal(429, (await generous.GetAsync("/v1/metrics")).Status);
        Assert.Equal(new EmulatorRateLimit(1, 600, 403), host.State.GetRateLimit("limited@example.com"));
    }

    [Fact]
    public async Task SetRateLimitChangesARunningHost()
    {
        await using var host = await EmulatorHost.StartAsync(new EmulatorOptions());
        using var http = new HttpClient { BaseAddress = host.BaseAddress };
        var api = new ApiClient(http, "demo@example.com", "demo-token");

        host.State.SetRateLimit(new EmulatorRateLimit(1, 600));

        Assert.Equal(200, (await api.GetAsync("/v1/metrics")).Status);
        Assert.Equal(429, (await api.GetAsync("/v1/metrics")).Status);
    }

    [Theory]
    [InlineData(0, 60, 429, "The rate limit must be at least 1 request per window")]
    [InlineData(5, 0, 429, "The rate-limit window must be between 1 and 86400 seconds")]
    [InlineData(5, 60, 503, "The rate-limit status must be 429 or 403")]
    public async Task InvalidLimitsAreRefused(int limit, int window, int status, string message)
    {
        var options = new EmulatorOptions { RateLimit = limit, RateLimitWindowSeconds = window, RateLimitStatus = status };

        var error = await Assert.ThrowsAsync<System.ArgumentException>(() => EmulatorHost.StartAsync(options));

        Assert.Contains(message, error.Message, System.StringComparison.Ordinal);
    }
}
