using System;
using System.Linq;
using System.Net.Http;
using System.Threading.Tasks;
using Librato.Emulator.Tests.Support;
using Xunit;

namespace Librato.Emulator.Tests.Hosting;

public sealed class EmulatorHostTests
{
    private static long Now => DateTimeOffset.UtcNow.ToUnixTimeSeconds();

    [Fact]
    public async Task PortZeroBindsAFreeLoopbackPort()
    {
        await using var host = await EmulatorHost.StartAsync(new EmulatorOptions());

        Assert.Equal("127.0.0.1", host.BaseAddress.Host);
        Assert.NotEqual(0, host.BaseAddress.Port);
        Assert.Equal("/", host.BaseAddress.AbsolutePath);
        Assert.Equal(new[] { EmulatorAccount.Default }, host.State.Accounts);
    }

    [Fact]
    public async Task DefaultAccountIsUsableOverHttp()
    {
        await using var host = await EmulatorHost.StartAsync(new EmulatorOptions());
        using var http = new HttpClient { BaseAddress = host.BaseAddress };

        var response = await new ApiClient(http, "demo@example.com", "demo-token").GetAsync("/v1/metrics");

        Assert.Equal(200, response.Status);
    }

    [Theory]
    [InlineData("http://0.0.0.0:0")]
    [InlineData("http://*:0")]
    [InlineData("http://example.com:8700")]
    [InlineData("http://127.0.0.1:0;http://+:0")]
    public async Task NonLoopbackUrlsAreRefused(string urls)
    {
        var error = await Assert.ThrowsAsync<ArgumentException>(() => EmulatorHost.StartAsync(new EmulatorOptions { Urls = urls }));

        Assert.Contains("not a loopback address", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task InvalidAccountsAreRefused()
    {
        var options = new EmulatorOptions();
        options.Accounts.Add(new EmulatorAccount("a@example.com", "t"));
        options.Accounts.Add(new EmulatorAccount("A@example.com", "u"));

        var error = await Assert.ThrowsAsync<ArgumentException>(() => EmulatorHost.StartAsync(options));

        Assert.Contains("more than once", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task DisposingStopsListening()
    {
        var host = await EmulatorHost.StartAsync(new EmulatorOptions());
        using var http = new HttpClient { BaseAddress = host.BaseAddress };
        Assert.Equal(401, (int)(await http.GetAsync("/v1/metrics")).StatusCode);

        await host.DisposeAsync();
        await host.DisposeAsync();

        await Assert.ThrowsAsync<HttpRequestException>(() => http.GetAsync("/v1/metrics"));
    }

    [Fact]
    public async Task OptionsAreCopiedAtStart()
    {
        var options = new EmulatorOptions();
        options.Accounts.Add(new EmulatorAccount("first@example.com", "t1"));
        await using var host = await EmulatorHost.StartAsync(options);

        options.Accounts.Add(new EmulatorAccount("late@example.com", "t2"));
        options.MaxPastSeconds = 1;

        Assert.Equal(new[] { "first@example.com" }, host.State.Accounts.Select(a => a.Email));
        Assert.Throws<ArgumentException>(() => host.State.GetStats("late@example.com"));
    }

    [Fact]
    public async Task TimeWindowFollowsTheOptions()
    {
        await using var host = await EmulatorHost.StartAsync(new EmulatorOptions { MaxPastSeconds = 60, MaxFutureSeconds = 0 });
        using var http = new HttpClient { BaseAddress = host.BaseAddress };
        var api = new ApiClient(http, "demo@example.com", "demo-token");

        var old = await api.PostJsonAsync("/v1/metrics", $$"""{"gauges":[{"name":"m","value":1,"measure_time":{{Now - 120}}}]}""");
        var future = await api.PostJsonAsync("/v1/metrics", $$"""{"gauges":[{"name":"m","value":1,"measure_time":{{Now + 30}}}]}""");
        var recent = await api.PostJsonAsync("/v1/metrics", $$"""{"gauges":[{"name":"m","value":1,"measure_time":{{Now - 30}}}]}""");

        Assert.Equal(400, old.Status);
        Assert.Equal(400, future.Status);
        Assert.Equal(200, recent.Status);
    }

    [Fact]
    public async Task RequestLogKeepsOnlyTheNewestEntries()
    {
        await using var host = await EmulatorHost.StartAsync(new EmulatorOptions { RequestLogSize = 3 });
        using var http = new HttpClient { BaseAddress = host.BaseAddress };
        var api = new ApiClient(http, "demo@example.com", "demo-token");

        for (int i = 0; i < 5; i++)
        {
            await api.GetAsync($"/v1/metrics?offset={i}");
        }

        Assert.Equal(new[] { "offset=2", "offset=3", "offset=4" }, host.State.GetRequests().Select(r => r.Query));
    }

    [Fact]
    public async Task RequestLogSizeZeroDisablesTheLog()
    {
        await using var host = await EmulatorHost.StartAsync(new EmulatorOptions { RequestLogSize = 0 });
        using var http = new HttpClient { BaseAddress = host.BaseAddress };

        await new ApiClient(http, "demo@example.com", "demo-token").GetAsync("/v1/metrics");
        var log = await new ApiClient(http, null, null).GetAsync("/_emulator/requests");

        Assert.Equal("[]", log.Body);
        Assert.Empty(host.State.GetRequests());
    }

    [Fact]
    public async Task TwoHostsAreIndependent()
    {
        await using var first = await EmulatorHost.StartAsync(new EmulatorOptions());
        await using var second = await EmulatorHost.StartAsync(new EmulatorOptions());
        using var http = new HttpClient { BaseAddress = first.BaseAddress };

        await new ApiClient(http, "demo@example.com", "demo-token").PostJsonAsync("/v1/metrics", """{"gauges":[{"name":"m","value":1}]}""");

        Assert.NotEqual(first.BaseAddress, second.BaseAddress);
        Assert.Equal(1, first.State.GetStats("demo@example.com").Metrics);
        Assert.Equal(0, second.State.GetStats("demo@example.com").Metrics);
    }
}
