using System;
using System.IO;
using System.Linq;
using System.Net.Http;
using System.Text.Json;
using System.Threading.Tasks;
using Librato.Emulator.Tests.Support;
using Xunit;

namespace Librato.Emulator.Tests.Hosting;

public sealed class DataFileTests : DataFileTestBase
{
    private static async Task Seed(EmulatorHost host, long t)
    {
        Assert.Equal(200, (await Send(host, HttpMethod.Post, "/v1/metrics", $$"""
            {"measure_time":{{t}},"gauges":[{"name":"cpu","value":1.25,"source":"web-1"},{"name":"cpu","value":2,"source":"web-2"},{"name":"cpu","value":3,"measure_time":{{t + 1}}}],
             "counters":[{"name":"hits","value":7}]}
            """)).Status);
        Assert.Equal(202, (await Send(host, HttpMethod.Post, "/v1/measurements", $$"""
            {"time":{{t}},"tags":{"region":"eu","host":"a"},"measurements":[{"name":"load","value":0.1},{"name":"latency","count":4,"sum":10,"min":1,"max":4,"last":3}]}
            """)).Status);
        Assert.Equal(201, (await Send(host, HttpMethod.Put, "/v1/metrics/ratio", """
            {"type":"composite","composite":"divide([s(\"hits\",\"*\"),s(\"cpu\",\"*\")])","display_name":"Ratio","period":60,"attributes":{"display_min":0,"color":"#112233","custom":{"nested":[1,"two"]}}}
            """)).Status);
        Assert.Equal(204, (await Send(host, HttpMethod.Put, "/v1/metrics/cpu", """{"description":"CPU use","attributes":{"display_stacked":false}}""")).Status);
    }

    private static string Describe(EmulatorHost host)
    {
        var state = host.State;
        var lines = state.GetStats(Email).PerMetric.Keys.OrderBy(k => k, StringComparer.Ordinal).Select(name =>
        {
            var metric = state.GetMetric(Email, name)!;
            string attributes = string.Join(",", metric.Attributes.Select(a => a.Key + "=" + a.Value.GetRawText()));
            string series = string.Join(";", state.GetSeries(Email, name).Select(s =>
                (s.Source ?? "-") + "|" + (s.Tags is null ? "-" : string.Join(",", s.Tags.Select(t => t.Key + "=" + t.Value))) + "|" +
                string.Join(",", s.Points.Select(p => p.ToString()))));
            return $"{metric.Name} {metric.Type} {metric.DisplayName} {metric.Description} {metric.Period} {metric.Composite} [{attributes}] {series}";
        });
        return string.Join(Environment.NewLine, lines);
    }

    [Fact]
    public async Task DataComesBackAfterARestart()
    {
        long t = Now - 120;
        string before;
        string shownBefore;
        await using (var first = await Start())
        {
            await Seed(first, t);
            before = Describe(first);
            shownBefore = (await Send(first, HttpMethod.Get, $"/v1/metrics/cpu?start_time={t}")).Body;
        }

        Assert.True(File.Exists(DataPath));
        await using var second = await Start();

        Assert.Equal(before, Describe(second));
        Assert.Equal(shownBefore, (await Send(second, HttpMethod.Get, $"/v1/metrics/cpu?start_time={t}")).Body);
        Assert.Equal(5, second.State.GetStats(Email).Metrics);
        Assert.Contains("latency", before, StringComparison.Ordinal);
    }

    [Fact]
    public async Task SourcesComeBackAfterARestart()
    {
        await using (var first = await Start())
        {
            Assert.Equal(200, (await Send(first, HttpMethod.Post, "/v1/metrics", """{"gauges":[{"name":"g","value":1,"source":"Web-1"},{"name":"h","value":1,"source":"gone"}]}""")).Status);
            Assert.Equal(201, (await Send(first, HttpMethod.Put, "/v1/sources/named", """{"display_name":"Named one"}""")).Status);
            Assert.Equal(204, (await Send(first, HttpMethod.Put, "/v1/sources/web-1", """{"display_name":"Web 1"}""")).Status);
            Assert.Equal(204, (await Send(first, HttpMethod.Delete, "/v1/metrics/h")).Status);
        }

        await using var second = await Start();

        Assert.Equal(
            """{"query":{"found":3,"length":3,"offset":0,"total":3},"sources":[{"name":"gone","display_name":null},{"name":"named","display_name":"Named one"},{"name":"Web-1","display_name":"Web 1"}]}""",
            (await Send(second, HttpMethod.Get, "/v1/sources")).Body);
    }

    [Fact]
    public async Task SourcesOfAFileSavedWithoutThemComeFromTheSeries()
    {
        File.WriteAllText(DataPath, """
            {"format":"librato-emulator-data","version":1,"accounts":{"demo@example.com":{"metrics":[{"name":"g","type":"gauge","display_name":null,"description":null,"period":null,"composite":null,"attributes":{},
             "sources":[{"source":"web-2","points":[]},{"source":null,"points":[]}],"tagged":[]}]}}}
            """);

        await using var host = await Start();

        Assert.Equal("""{"name":"web-2","display_name":null}""", (await Send(host, HttpMethod.Get, "/v1/sources/web-2")).Body);
        Assert.Equal(1, (await Send(host, HttpMethod.Get, "/v1/sources")).Json.GetProperty("query").GetProperty("total").GetInt32());
    }

    [Fact]
    public async Task ChangesAreSavedPeriodicallyWhileRunning()
    {
        await using var host = await Start(options => options.DataSaveIntervalSeconds = 1);
        await Send(host, HttpMethod.Post, "/v1/metrics", """{"gauges":[{"name":"periodic","value":1}]}""");

        for (int i = 0; i < 100 && !(File.Exists(DataPath) && File.ReadAllText(DataPath).Contains("periodic", StringComparison.Ordinal)); i++)
        {
            await Task.Delay(50);
        }

        Assert.Contains("\"periodic\"", File.ReadAllText(DataPath), StringComparison.Ordinal);
        var written = File.GetLastWriteTimeUtc(DataPath);
        await Send(host, HttpMethod.Get, "/v1/metrics");
        await Task.Delay(2200);
        Assert.Equal(written, File.GetLastWriteTimeUtc(DataPath));
        Assert.False(File.Exists(DataPath + ".tmp"));
    }

    [Fact]
    public async Task LeftoverTemporaryFileNeverReplacesTheSavedOne()
    {
        await using (var first = await Start())
        {
            await Send(first, HttpMethod.Post, "/v1/metrics", """{"gauges":[{"name":"kept","value":1}]}""");
        }

        // What a crash in the middle of writing a save leaves behind.
        File.WriteAllText(DataPath + ".tmp", "{\"format\":\"librato-emulator-data\",\"version\":1,\"accounts\":{\"demo@exa");

        await using (var second = await Start())
        {
            Assert.NotNull(second.State.GetMetric(Email, "kept"));
            await Send(second, HttpMethod.Post, "/v1/metrics", """{"gauges":[{"name":"added","value":1}]}""");
        }

        await using var third = await Start();
        Assert.NotNull(third.State.GetMetric(Email, "kept"));
        Assert.NotNull(third.State.GetMetric(Email, "added"));
        Assert.False(File.Exists(DataPath + ".tmp"));
    }

    [Theory]
    [InlineData("{\"format\":\"librato-emulator-data\",\"version\":1,\"accounts\":{\"demo@exa", "could not be read")]
    [InlineData("{\"gauges\":[]}", "it is not an emulator data file")]
    [InlineData("{\"format\":\"librato-emulator-data\",\"version\":9,\"accounts\":{}}", "this emulator reads version 1")]
    [InlineData("{\"format\":\"librato-emulator-data\",\"version\":1,\"accounts\":{\"demo@example.com\":{\"metrics\":[{\"name\":\"x\"}]}}}", "could not be read")]
    public async Task UnreadableDataFileStopsTheStartAndIsLeftUntouched(string content, string message)
    {
        File.WriteAllText(DataPath, content);

        var error = await Assert.ThrowsAsync<InvalidDataException>(() => Start());

        Assert.Contains(message, error.Message, StringComparison.Ordinal);
        Assert.Contains(DataPath, error.Message, StringComparison.Ordinal);
        Assert.Equal(content, File.ReadAllText(DataPath));
    }

    [Fact]
    public async Task AccountsAndSectionsThisRunDoesNotKnowAreKept()
    {
        void TwoAccounts(EmulatorOptions options)
        {
            options.Accounts.Add(new EmulatorAccount("a@example.com", "ta"));
            options.Accounts.Add(new EmulatorAccount("b@example.com", "tb"));
        }

        await using (var both = await Start(TwoAccounts))
        {
            await Send(both, HttpMethod.Post, "/v1/metrics", """{"gauges":[{"name":"of.b","value":1}]}""", "b@example.com", "tb");
        }

        // A section written by a newer emulator, for a store this one does not have.
        var document = JsonDocument.Parse(File.ReadAllText(DataPath));
        string patched = File.ReadAllText(DataPath).Replace("\"a@example.com\":{", "\"a@example.com\":{\"future\":{\"x\":1},", StringComparison.Ordinal);
        File.WriteAllText(DataPath, patched);
        Assert.Equal(JsonValueKind.Object, document.RootElement.GetProperty("accounts").GetProperty("b@example.com").ValueKind);

        await using (var onlyA = await Start(options => options.Accounts.Add(new EmulatorAccount("a@example.com", "ta"))))
        {
            await Send(onlyA, HttpMethod.Post, "/v1/metrics", """{"gauges":[{"name":"of.a","value":1}]}""", "a@example.com", "ta");
        }

        string saved = File.ReadAllText(DataPath);
        Assert.Contains("\"future\":{\"x\":1}", saved, StringComparison.Ordinal);
        await using var again = await Start(TwoAccounts);
        Assert.NotNull(again.State.GetMetric("b@example.com", "of.b"));
        Assert.NotNull(again.State.GetMetric("a@example.com", "of.a"));
    }

    [Fact]
    public async Task ResetIsSavedToo()
    {
        await using (var first = await Start())
        {
            await Send(first, HttpMethod.Post, "/v1/metrics", """{"gauges":[{"name":"gone","value":1}]}""");
            first.State.Reset();
        }

        await using var second = await Start();
        Assert.Equal(0, second.State.GetStats(Email).Metrics);
    }

    [Fact]
    public async Task FileIsCreatedEvenWhenNothingWasStored()
    {
        await using (await Start())
        {
        }

        using var document = JsonDocument.Parse(File.ReadAllText(DataPath));
        Assert.Equal("librato-emulator-data", document.RootElement.GetProperty("format").GetString());
        Assert.Equal(0, document.RootElement.GetProperty("accounts").GetProperty(Email).GetProperty("metrics").GetArrayLength());
    }

    [Fact]
    public async Task MissingDirectoryIsRefused()
    {
        var error = await Assert.ThrowsAsync<ArgumentException>(() =>
            EmulatorHost.StartAsync(new EmulatorOptions { DataFile = Folder.File(Path.Combine("missing", "state.json")) }));

        Assert.Contains("does not exist", error.Message, StringComparison.Ordinal);
    }
}
