using System.Linq;
using System.Threading.Tasks;
using Librato.Emulator.Tests.Support;
using Xunit;

namespace Librato.Emulator.Tests.Resources;

public sealed class AlertServiceTests : EmulatorTestBase
{
    public AlertServiceTests(EmulatorFixture fixture)
        : base(fixture)
    {
    }

    private async Task<(long Alert, long Service)> Setup()
    {
        long service = (await Api.PostJsonAsync("/v1/services", """{"title":"Ops","type":"mail","settings":{"addresses":"a@b.c"}}""")).Id();
        long alert = (await Api.PostJsonAsync("/v1/alerts", """{"name":"my.alert.name"}""")).Id();
        return (alert, service);
    }

    private async Task<long[]> AttachedTo(long alert) =>
        (await Api.GetAsync("/v1/alerts/" + alert)).Json.GetProperty("services").EnumerateArray()
            .Select(s => s.GetProperty("id").GetInt64()).ToArray();

    [Fact]
    public async Task AttachingAFormServiceIs201WithLocation()
    {
        var (alert, service) = await Setup();

        var response = await Api.PostFormAsync($"/v1/alerts/{alert}/services", "service=" + service);

        Assert.Equal(201, response.Status);
        Assert.Equal($"/v1/alerts/{alert}/services/{service}", response.Location());
        Assert.Equal(service, response.Id());
        Assert.Equal(new[] { service }, await AttachedTo(alert));
    }

    [Theory]
    [InlineData("""{"service":SID}""")]
    [InlineData("""{"service":"SID"}""")]
    public async Task AttachingAcceptsJsonWithANumberOrAString(string template)
    {
        var (alert, service) = await Setup();

        var response = await Api.PostJsonAsync($"/v1/alerts/{alert}/services", template.Replace("SID", service.ToString()));

        Assert.Equal(201, response.Status);
        Assert.Equal(new[] { service }, await AttachedTo(alert));
    }

    [Fact]
    public async Task AttachingTwiceKeepsOneEntry()
    {
        var (alert, service) = await Setup();

        await Api.PostFormAsync($"/v1/alerts/{alert}/services", "service=" + service);
        var again = await Api.PostFormAsync($"/v1/alerts/{alert}/services", "service=" + service);

        Assert.Equal(201, again.Status);
        Assert.Equal(new[] { service }, await AttachedTo(alert));
    }

    [Fact]
    public async Task AttachingValidatesTheService()
    {
        var (alert, _) = await Setup();

        var missing = await Api.PostFormAsync($"/v1/alerts/{alert}/services", "");
        var unknown = await Api.PostFormAsync($"/v1/alerts/{alert}/services", "service=987654");
        var bad = await Api.PostJsonAsync($"/v1/alerts/{alert}/services", """{"service":"abc"}""");

        Assert.Equal("""{"errors":{"params":{"service":["is not present"]}}}""", missing.Body);
        Assert.Equal("""{"errors":{"params":{"service":["does not exist"]}}}""", unknown.Body);
        Assert.Equal("""{"errors":{"params":{"service":["is invalid"]}}}""", bad.Body);
        Assert.Empty(await AttachedTo(alert));
    }

    [Fact]
    public async Task AttachingToAnUnknownAlertIs404()
    {
        var (_, service) = await Setup();

        var response = await Api.PostFormAsync("/v1/alerts/424242/services", "service=" + service);

        Assert.Equal(404, response.Status);
        Assert.Equal("""{"errors":{"request":["Alert not found"]}}""", response.Body);
    }

    [Fact]
    public async Task DetachingIs204AndThen404()
    {
        var (alert, service) = await Setup();
        await Api.PostFormAsync($"/v1/alerts/{alert}/services", "service=" + service);

        var first = await Api.DeleteAsync($"/v1/alerts/{alert}/services/{service}");
        var second = await Api.DeleteAsync($"/v1/alerts/{alert}/services/{service}");

        Assert.Equal(204, first.Status);
        Assert.Empty(await AttachedTo(alert));
        Assert.Equal(404, second.Status);
        Assert.Equal("""{"errors":{"request":["Service not found"]}}""", second.Body);
        Assert.Equal(200, (await Api.GetAsync("/v1/services/" + service)).Status);
        Assert.Equal(404, (await Api.DeleteAsync($"/v1/alerts/424242/services/{service}")).Status);
    }
}
