using System;
using System.Linq;
using System.Net.Http;
using System.Text;
using System.Threading.Tasks;
using Librato.Emulator.Tests.Support;
using Xunit;

namespace Librato.Emulator.Tests.Api;

/// <summary>One emulator started with <see cref="EmulatorOptions.AppOptics"/>, shared by <see cref="AppOpticsModeTests"/>.</summary>
public sealed class AppOpticsFixture : IAsyncLifetime
{
    private HttpClient? http;

    public EmulatorHost Host { get; private set; } = null!;

    /// <summary>As AppOptics documents it: the token as user name, an empty password.</summary>
    public ApiClient TokenOnly => As(EmulatorFixture.Token, string.Empty);

    public ApiClient As(string? user, string? password) => new(http!, user, password);

    public async Task InitializeAsync()
    {
        var options = new EmulatorOptions { AppOptics = true };
        options.Accounts.Add(new EmulatorAccount(EmulatorFixture.Email, EmulatorFixture.Token));
        options.Accounts.Add(new EmulatorAccount(EmulatorFixture.OtherEmail, EmulatorFixture.OtherToken));
        options.Accounts.Add(new EmulatorAccount(EmulatorFixture.ColonEmail, EmulatorFixture.ColonToken));
        Host = await EmulatorHost.StartAsync(options);
        http = new HttpClient { BaseAddress = Host.BaseAddress };
    }

    public async Task DisposeAsync()
    {
        http?.Dispose();
        await Host.DisposeAsync();
    }
}

public sealed class AppOpticsModeTests : IClassFixture<AppOpticsFixture>
{
    private const string Tagged = """{"tags":{"host":"web-1"},"measurements":[{"name":"cpu","value":1}]}""";
    private readonly AppOpticsFixture fixture;

    public AppOpticsModeTests(AppOpticsFixture fixture)
    {
        this.fixture = fixture;
        fixture.Host.State.Reset();
    }

    private EmulatorState State => fixture.Host.State;

    [Fact]
    public void TheStateSaysWhichModeItIsIn()
    {
        Assert.True(State.AppOptics);
    }

    [Fact]
    public async Task TheTokenAsUserNameWithAnEmptyPasswordAuthenticates()
    {
        var response = await fixture.TokenOnly.PostJsonAsync("/v1/measurements", Tagged);

        Assert.Equal(202, response.Status);
        Assert.Equal(1, State.GetStats(EmulatorFixture.Email).Measurements);
        Assert.Equal(EmulatorFixture.Email, State.GetRequests().Single().User);
    }

    [Fact]
    public async Task TheUserTokenWithTheTokenAsPasswordAuthenticates()
    {
        var response = await fixture.As("token", EmulatorFixture.OtherToken).PostJsonAsync("/v1/measurements", Tagged);

        Assert.Equal(202, response.Status);
        Assert.Equal(1, State.GetStats(EmulatorFixture.OtherEmail).Measurements);
        Assert.Equal(0, State.GetStats(EmulatorFixture.Email).Measurements);
    }

    [Fact]
    public async Task ATokenHoldingColonsAuthenticatesEitherWay()
    {
        Assert.Equal(200, (await fixture.As(EmulatorFixture.ColonToken, string.Empty).GetAsync("/v1/metrics")).Status);
        Assert.Equal(200, (await fixture.As("token", EmulatorFixture.ColonToken).GetAsync("/v1/metrics")).Status);
    }

    [Theory]
    [InlineData(EmulatorFixture.Email, EmulatorFixture.Token)]
    [InlineData("demo-token", "demo-token")]
    [InlineData("wrong-token", "")]
    [InlineData("token", "wrong-token")]
    [InlineData("", "")]
    public async Task AnythingElseIs401(string user, string password)
    {
        var response = await fixture.As(user, password).GetAsync("/v1/metrics");

        Assert.Equal(401, response.Status);
        Assert.Equal("""{"errors":{"request":["Authentication failed: invalid email or token."]}}""", response.Body);
    }

    [Fact]
    public async Task PostingToTheLegacyRouteIs404AndStoresNothing()
    {
        var response = await fixture.TokenOnly.PostJsonAsync("/v1/metrics", """{"gauges":[{"name":"cpu","value":1,"source":"web-1"}]}""");

        Assert.Equal(404, response.Status);
        Assert.Equal("""{"errors":{"request":["Route not found"]}}""", response.Body);
        Assert.Equal(0, State.GetStats(EmulatorFixture.Email).Measurements);
    }

    [Fact]
    public async Task SourceRoutesAre404()
    {
        Assert.Equal(404, (await fixture.TokenOnly.GetAsync("/v1/sources")).Status);
        Assert.Equal(404, (await fixture.TokenOnly.GetAsync("/v1/sources/web-1")).Status);
    }

    [Fact]
    public async Task OtherRoutesAnswerAsInLibratoMode()
    {
        await fixture.TokenOnly.PostJsonAsync("/v1/measurements", Tagged);

        var list = await fixture.TokenOnly.GetAsync("/v1/metrics");
        var read = await fixture.TokenOnly.GetAsync("/v1/measurements/cpu?duration=600&resolution=1");

        Assert.Equal(200, list.Status);
        Assert.Equal("cpu", list.Json.GetProperty("metrics")[0].GetProperty("name").GetString());
        Assert.Equal(200, read.Status);
        Assert.Equal("web-1", read.Json.GetProperty("series")[0].GetProperty("tags").GetProperty("host").GetString());
    }

    [Fact]
    public async Task AnUntaggedMeasurementRefusesTheWholeRequestWith400()
    {
        var response = await fixture.TokenOnly.PostJsonAsync("/v1/measurements", """
            {"measurements":[{"name":"good","value":1,"tags":{"host":"a"}},{"name":"bare","value":2},{"name":"empty","value":3,"tags":{}}]}
            """);

        Assert.Equal(400, response.Status);
        Assert.Equal("""{"errors":{"params":{"tags":["at least one tag is needed (measurement 1)"]}}}""", response.Body);
        Assert.Equal(0, State.GetStats(EmulatorFixture.Email).Measurements);
    }

    [Fact]
    public async Task TopLevelTagsCountForEveryMeasurement()
    {
        var response = await fixture.TokenOnly.PostJsonAsync("/v1/measurements", """
            {"tags":{"env":"prod"},"measurements":[{"name":"a","value":1},{"name":"b","value":2,"tags":{}}]}
            """);

        Assert.Equal(202, response.Status);
        Assert.Equal(2, State.GetStats(EmulatorFixture.Email).Measurements);
    }

    [Fact]
    public async Task InvalidTagsStayAPerMeasurementFailure()
    {
        var response = await fixture.TokenOnly.PostJsonAsync("/v1/measurements", """
            {"measurements":[{"name":"a","value":1,"tags":{"host":"a"}},{"name":"b","value":2,"tags":{"bad tag!":"x"}}]}
            """);

        Assert.Equal(202, response.Status);
        Assert.Equal(1, response.Json.GetProperty("measurements").GetProperty("summary").GetProperty("failed").GetInt32());
        Assert.Equal(1, State.GetStats(EmulatorFixture.Email).Measurements);
    }

    [Theory]
    [InlineData(1000, 202)]
    [InlineData(1001, 400)]
    public async Task AtMost1000MeasurementsARequest(int count, int status)
    {
        var json = new StringBuilder("""{"tags":{"host":"a"},"measurements":[""");
        for (int i = 0; i < count; i++)
        {
            json.Append(i == 0 ? string.Empty : ",").Append("{\"name\":\"m").Append(i).Append("\",\"value\":1}");
        }

        var response = await fixture.TokenOnly.PostJsonAsync("/v1/measurements", json.Append("]}").ToString());

        Assert.Equal(status, response.Status);
        Assert.Equal(status == 202 ? count : 0, State.GetStats(EmulatorFixture.Email).Measurements);
        if (status == 400)
        {
            Assert.Equal("""{"errors":{"params":{"measurements":["exceeds the limit of 1000 measurements per request"]}}}""", response.Body);
        }
    }
}
