using System.Linq;
using System.Net.Http;
using System.Threading.Tasks;
using Librato.Emulator.Tests.Support;
using Xunit;

namespace Librato.Emulator.Tests.Api;

public sealed class AuthenticationTests : EmulatorTestBase
{
    private const string MissingBody = "{\"errors\":{\"request\":[\"Please provide credentials for authentication.\"]}}";
    private const string FailedBody = "{\"errors\":{\"request\":[\"Authentication failed: invalid email or token.\"]}}";

    public AuthenticationTests(EmulatorFixture fixture)
        : base(fixture)
    {
    }

    [Fact]
    public async Task MissingCredentialsGive401WithChallenge()
    {
        var response = await Fixture.Anonymous.GetAsync("/v1/metrics");

        Assert.Equal(401, response.Status);
        Assert.Equal(MissingBody, response.Body);
        Assert.Equal("application/json; charset=utf-8", response.ContentType);
        Assert.Equal("Basic realm=\"Librato API\"", response.Message.Headers.WwwAuthenticate.Single().ToString());
    }

    [Fact]
    public async Task NonBasicSchemeCountsAsMissingCredentials()
    {
        var request = new HttpRequestMessage(HttpMethod.Get, "/v1/metrics");
        request.Headers.TryAddWithoutValidation("Authorization", "Bearer abc");

        var response = await Fixture.Anonymous.SendAsync(request);

        Assert.Equal(401, response.Status);
        Assert.Equal(MissingBody, response.Body);
    }

    [Theory]
    [InlineData(EmulatorFixture.Email, "wrong-token")]
    [InlineData("nobody@example.com", EmulatorFixture.Token)]
    [InlineData(EmulatorFixture.Email, EmulatorFixture.OtherToken)]
    public async Task WrongCredentialsGive401(string email, string token)
    {
        var response = await Fixture.As(email, token).GetAsync("/v1/metrics");

        Assert.Equal(401, response.Status);
        Assert.Equal(FailedBody, response.Body);
        Assert.Equal("Basic realm=\"Librato API\"", response.Message.Headers.WwwAuthenticate.Single().ToString());
    }

    [Fact]
    public async Task MalformedBasicValueIsAFailedAuthentication()
    {
        var request = new HttpRequestMessage(HttpMethod.Get, "/v1/metrics");
        request.Headers.TryAddWithoutValidation("Authorization", "Basic !!!not-base64!!!");

        var response = await Fixture.Anonymous.SendAsync(request);

        Assert.Equal(401, response.Status);
        Assert.Equal(FailedBody, response.Body);
    }

    [Fact]
    public async Task SubmissionWithoutCredentialsStoresNothing()
    {
        var response = await Fixture.Anonymous.PostJsonAsync("/v1/metrics", $"{{\"gauges\":[{{\"name\":\"cpu\",\"value\":1,\"measure_time\":{Now}}}]}}");

        Assert.Equal(401, response.Status);
        Assert.Equal(0, State.GetStats(EmulatorFixture.Email).Measurements);
    }

    [Fact]
    public async Task TokenMayContainColons()
    {
        var response = await Fixture.As(EmulatorFixture.ColonEmail, EmulatorFixture.ColonToken).GetAsync("/v1/metrics");

        Assert.Equal(200, response.Status);
    }

    [Fact]
    public async Task EachAccountHasItsOwnData()
    {
        var posted = await Api.PostJsonAsync("/v1/metrics", $"{{\"gauges\":[{{\"name\":\"mine\",\"value\":1,\"measure_time\":{Now}}}]}}");
        Assert.Equal(200, posted.Status);

        var ownList = await Api.GetAsync("/v1/metrics");
        var otherList = await Fixture.Other.GetAsync("/v1/metrics");
        var otherShow = await Fixture.Other.GetAsync("/v1/metrics/mine");

        Assert.Equal(1, ownList.Json.GetProperty("query").GetProperty("total").GetInt32());
        Assert.Equal(0, otherList.Json.GetProperty("query").GetProperty("total").GetInt32());
        Assert.Equal(404, otherShow.Status);
        Assert.Equal(0, State.GetStats(EmulatorFixture.OtherEmail).Metrics);
    }

    [Fact]
    public async Task UnknownV1RouteGivesJson404ButStillNeedsCredentials()
    {
        var anonymous = await Fixture.Anonymous.GetAsync("/v1/nothing-here");
        var authenticated = await Api.GetAsync("/v1/nothing-here");

        Assert.Equal(401, anonymous.Status);
        Assert.Equal(404, authenticated.Status);
        Assert.Equal("{\"errors\":{\"request\":[\"Route not found\"]}}", authenticated.Body);
    }
}
