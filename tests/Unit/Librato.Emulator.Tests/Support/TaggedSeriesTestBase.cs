using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Text.Json;
using System.Threading.Tasks;
using Xunit;

namespace Librato.Emulator.Tests.Support;

/// <summary>Tests that submit tagged measurements and read back the <c>series</c> of <c>/v1/measurements</c> answers.</summary>
public abstract class TaggedSeriesTestBase : EmulatorTestBase
{
    protected TaggedSeriesTestBase(EmulatorFixture fixture)
        : base(fixture)
    {
    }

    /// <summary>Submits the points with the given tags and checks that none of them failed.</summary>
    protected async Task Post(string tagsJson, IEnumerable<(long Time, double Value)> points, string name = "m")
    {
        string items = string.Join(",", points.Select(p =>
            $$"""{"name":"{{name}}","value":{{p.Value.ToString(CultureInfo.InvariantCulture)}},"time":{{p.Time}} }"""));
        var response = await Api.PostJsonAsync("/v1/measurements", $$"""{"tags":{{tagsJson}},"measurements":[{{items}}]}""");
        Assert.Equal(202, response.Status);
        Assert.Equal(0, response.Json.GetProperty("measurements").GetProperty("summary").GetProperty("failed").GetInt32());
    }

    protected static JsonElement[] Series(ApiResponse response)
    {
        Assert.Equal(200, response.Status);
        return response.Json.GetProperty("series").EnumerateArray().ToArray();
    }

    /// <summary>A series' tags as <c>name=value</c> pairs joined by commas, in the order the answer gives them.</summary>
    protected static string TagsOf(JsonElement series) =>
        string.Join(",", series.GetProperty("tags").EnumerateObject().Select(p => $"{p.Name}={p.Value.GetString()}"));

    protected static long[] Times(JsonElement series) =>
        series.GetProperty("measurements").EnumerateArray().Select(p => p.GetProperty("time").GetInt64()).ToArray();

    protected static double[] Values(JsonElement series) =>
        series.GetProperty("measurements").EnumerateArray().Select(p => p.GetProperty("value").GetDouble()).ToArray();
}
