using System.IO;
using System.IO.Compression;
using System.Linq;
using System.Net.Http;
using System.Net.Http.Headers;
using System.Text;
using System.Threading.Tasks;
using Librato.Emulator.Tests.Support;
using Xunit;

namespace Librato.Emulator.Tests.Api;

public sealed class RequestBodyTests : EmulatorTestBase
{
    public RequestBodyTests(EmulatorFixture fixture)
        : base(fixture)
    {
    }

    private double StoredValue(string metric) => State.GetSeries(EmulatorFixture.Email, metric).Single().Points.Single().Value;

    [Fact]
    public async Task GzipLegacyBodyIsDecompressed()
    {
        var response = await Api.PostJsonAsync("/v1/metrics", """{"gauges":[{"name":"zipped","value":3.25}]}""", gzip: true);

        Assert.Equal(200, response.Status);
        Assert.Equal(3.25, StoredValue("zipped"));
    }

    [Fact]
    public async Task GzipTaggedBodyIsDecompressed()
    {
        var response = await Api.PostJsonAsync("/v1/measurements", """{"tags":{"a":"b"},"measurements":[{"name":"zipped","value":4}]}""", gzip: true);

        Assert.Equal(202, response.Status);
        Assert.Equal(4, StoredValue("zipped"));
    }

    [Fact]
    public async Task GzipBodyFarLargerThanItsCompressedSizeIsDecompressedWhole()
    {
        // A thousand to one: the decompressed body outgrows its first buffer many times over.
        string body = """{"gauges":[{"name":"padded","value":6}]""" + new string(' ', 300_000) + ""","counters":[{"name":"padded.count","value":7}]}""";
        var response = await Api.PostJsonAsync("/v1/metrics", body, gzip: true);

        Assert.Equal(200, response.Status);
        Assert.Equal(6, StoredValue("padded"));
        Assert.Equal(7, StoredValue("padded.count"));
    }

    [Fact]
    public async Task DeflateBodyIsDecompressed()
    {
        using var buffer = new MemoryStream();
        using (var zlib = new ZLibStream(buffer, CompressionLevel.Fastest))
        {
            zlib.Write(Encoding.UTF8.GetBytes("""{"gauges":[{"name":"deflated","value":5}]}"""));
        }

        var content = new ByteArrayContent(buffer.ToArray());
        content.Headers.ContentType = new MediaTypeHeaderValue("application/json");
        content.Headers.ContentEncoding.Add("deflate");
        var response = await Api.SendAsync(new HttpRequestMessage(HttpMethod.Post, "/v1/metrics") { Content = content });

        Assert.Equal(200, response.Status);
        Assert.Equal(5, StoredValue("deflated"));
    }

    [Fact]
    public async Task CorruptGzipIs400()
    {
        var content = new ByteArrayContent(Encoding.UTF8.GetBytes("this is not gzip"));
        content.Headers.ContentType = new MediaTypeHeaderValue("application/json");
        content.Headers.ContentEncoding.Add("gzip");

        var response = await Api.SendAsync(new HttpRequestMessage(HttpMethod.Post, "/v1/metrics") { Content = content });

        Assert.Equal(400, response.Status);
        Assert.Equal("Could not decompress the request body (Content-Encoding: gzip)",
            response.Json.GetProperty("errors").GetProperty("request")[0].GetString());
    }

    [Fact]
    public async Task UnsupportedContentEncodingIs415()
    {
        var content = new StringContent("""{"gauges":[{"name":"a","value":1}]}""", Encoding.UTF8, "application/json");
        content.Headers.ContentEncoding.Add("br");

        var response = await Api.SendAsync(new HttpRequestMessage(HttpMethod.Post, "/v1/metrics") { Content = content });

        Assert.Equal(415, response.Status);
        Assert.Equal(0, State.GetStats(EmulatorFixture.Email).Measurements);
    }

    [Fact]
    public async Task NumericStringsAreAcceptedForValuesAndTimes()
    {
        long t = Now - 40;
        var legacy = await Api.PostJsonAsync("/v1/metrics", $$"""{"gauges":[{"name":"s","value":"1.5","measure_time":"{{t}}"}]}""");
        var tagged = await Api.PostJsonAsync("/v1/measurements", $$"""{"tags":{"a":"b"},"measurements":[{"name":"ts","value":"-2e3","time":"{{t}}"}]}""");

        Assert.Equal(200, legacy.Status);
        Assert.Equal(202, tagged.Status);
        var point = State.GetSeries(EmulatorFixture.Email, "s").Single().Points.Single();
        Assert.Equal((1.5, t), (point.Value, point.Time));
        Assert.Equal(-2000, StoredValue("ts"));
    }

    [Theory]
    [InlineData("\"abc\"")]
    [InlineData("\"NaN\"")]
    [InlineData("\"Infinity\"")]
    [InlineData("\"0x10\"")]
    [InlineData("true")]
    [InlineData("[1]")]
    public async Task NonNumericValueIsNotANumber(string value)
    {
        var response = await Api.PostJsonAsync("/v1/metrics", $$"""{"gauges":[{"name":"n","value":{{value}} }]}""");

        Assert.Equal(400, response.Status);
        Assert.Equal("gauges[0] 'n' value is not a number", response.Json.GetProperty("errors").GetProperty("params").GetProperty("value")[0].GetString());
    }

    [Theory]
    [InlineData("1e127")]
    [InlineData("-1e127")]
    [InlineData("1e400")]
    [InlineData("\"2.5e200\"")]
    public async Task ExponentAbove126FailsTheWholeLegacyRequest(string value)
    {
        var response = await Api.PostJsonAsync("/v1/metrics", $$"""{"gauges":[{"name":"ok","value":1},{"name":"big","value":{{value}} }]}""");

        Assert.Equal(400, response.Status);
        Assert.Equal("is too large", response.Json.GetProperty("errors").GetProperty("params").GetProperty("value").EnumerateArray().Single().GetString());
        Assert.Equal(0, State.GetStats(EmulatorFixture.Email).Measurements);
    }

    [Fact]
    public async Task ExponentAbove126FailsTheWholeTaggedRequest()
    {
        var response = await Api.PostJsonAsync("/v1/measurements", """{"tags":{"a":"b"},"measurements":[{"name":"ok","value":1},{"name":"big","value":1e200}]}""");

        Assert.Equal(400, response.Status);
        Assert.Equal("""{"errors":{"params":{"value":["is too large"]}}}""", response.Body);
        Assert.Equal(0, State.GetStats(EmulatorFixture.Email).Measurements);
    }

    [Fact]
    public async Task TooLargeSummaryFieldIsReportedUnderItsOwnName()
    {
        var response = await Api.PostJsonAsync("/v1/measurements", """{"tags":{"a":"b"},"measurements":[{"name":"s","count":1,"sum":5e130}]}""");

        Assert.Equal(400, response.Status);
        Assert.Equal("""{"errors":{"params":{"sum":["is too large"]}}}""", response.Body);
    }

    [Fact]
    public async Task ExponentOf126IsAccepted()
    {
        var response = await Api.PostJsonAsync("/v1/metrics", """{"gauges":[{"name":"big","value":9.99e126}]}""");

        Assert.Equal(200, response.Status);
        Assert.Equal(9.99e126, StoredValue("big"));
    }

    [Theory]
    [InlineData("1e-131", 0.0)]
    [InlineData("-3e-200", 0.0)]
    [InlineData("1e-130", 1e-130)]
    public async Task ExponentBelowMinus130BecomesZero(string value, double expected)
    {
        var response = await Api.PostJsonAsync("/v1/metrics", $$"""{"gauges":[{"name":"tiny","value":{{value}} }]}""");

        Assert.Equal(200, response.Status);
        Assert.Equal(expected, StoredValue("tiny"));
    }

    [Fact]
    public async Task WholeNumberWrittenWithAFractionIsAValidTime()
    {
        long t = Now - 7;
        var response = await Api.PostJsonAsync("/v1/metrics", $$"""{"gauges":[{"name":"t","value":1,"measure_time":{{t}}.0}]}""");

        Assert.Equal(200, response.Status);
        Assert.Equal(t, State.GetSeries(EmulatorFixture.Email, "t").Single().Points.Single().Time);
    }

    [Fact]
    public async Task UnparseableBodyOutsideSubmissionRoutesGetsTheGenericMessage()
    {
        var response = await Api.PutJsonAsync("/v1/metrics/m", "{not json");

        Assert.Equal(400, response.Status);
        Assert.Equal("""{"errors":{"request":["Could not parse the request body as JSON"]}}""", response.Body);
    }
}
