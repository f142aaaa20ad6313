using System.Linq;
using System.Threading.Tasks;
using Librato.Emulator.Tests.Support;
using Xunit;

namespace Librato.Emulator.Tests.Resources;

public sealed class ResourceConcurrencyTests : EmulatorTestBase
{
    public ResourceConcurrencyTests(EmulatorFixture fixture)
        : base(fixture)
    {
    }

    [Fact]
    public async Task ParallelCreatesGetDistinctIdsAndNothingIsLost()
    {
        var alerts = Enumerable.Range(0, 40).Select(i => Api.PostJsonAsync("/v1/alerts", $$"""{"name":"parallel.{{i}}"}"""));
        var events = Enumerable.Range(0, 40).Select(i => Api.PostJsonAsync("/v1/annotations/parallel", $$"""{"title":"e{{i}}","start_time":1000}"""));
        var duplicates = Enumerable.Range(0, 10).Select(_ => Api.PostJsonAsync("/v1/alerts", """{"name":"same.name"}"""));

        var responses = await Task.WhenAll(alerts.Concat(events).Concat(duplicates));

        var created = responses.Where(r => r.Status == 201).ToArray();
        Assert.Equal(81, created.Length);
        Assert.Equal(9, responses.Count(r => r.Status == 422));
        Assert.Equal(81, created.Select(r => r.Id()).Distinct().Count());
        Assert.Equal(41, (await Api.GetAsync("/v1/alerts")).Json.GetProperty("query").GetProperty("total").GetInt32());
        var stream = await Api.GetAsync("/v1/annotations/parallel?start_time=0");
        Assert.Equal(40, stream.Json.GetProperty("events").GetProperty("unassigned").GetArrayLength());
    }

    [Fact]
    public async Task TokensCreatedAndDeletedInParallelAuthenticateAsTheyShould()
    {
        var created = await Task.WhenAll(Enumerable.Range(0, 30).Select(i =>
            Api.PostJsonAsync("/v1/api_tokens", $$"""{"name":"t{{i}}","role":"{{(i % 2 == 0 ? "viewer" : "recorder")}}"}""")));
        Assert.All(created, r => Assert.Equal(201, r.Status));
        string[] values = created.Select(r => r.Json.GetProperty("token").GetString()!).ToArray();
        var deleted = created.Where((_, i) => i % 3 == 0).ToArray();

        // Deletes run while every token is in use, so lookups race with changes to the token list.
        var uses = values.Select(v => Fixture.As(EmulatorFixture.Email, v).PostJsonAsync("/v1/metrics", """{"gauges":[{"name":"g","value":1}]}"""));
        var deletes = deleted.Select(r => Api.DeleteAsync(r.Location()!));
        await Task.WhenAll(uses.Concat(deletes));

        for (int i = 0; i < values.Length; i++)
        {
            int status = (await Fixture.As(EmulatorFixture.Email, values[i]).PostJsonAsync("/v1/metrics", """{"gauges":[{"name":"g","value":1}]}""")).Status;
            Assert.Equal(i % 3 == 0 ? 401 : i % 2 == 0 ? 403 : 200, status);
        }

        Assert.Equal(20, (await Api.GetAsync("/v1/api_tokens")).Json.GetProperty("query").GetProperty("total").GetInt32());
        Assert.Equal(30, created.Select(r => r.Location()).Distinct().Count());
    }
}
