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
}
