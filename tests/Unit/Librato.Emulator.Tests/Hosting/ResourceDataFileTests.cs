using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Net.Http;
using System.Text.Json;
using System.Threading.Tasks;
using Librato.Emulator.Tests.Support;
using Xunit;

namespace Librato.Emulator.Tests.Hosting;

/// <summary>The resources (annotations, spaces, charts, services, alerts, snapshots, jobs, API tokens) in the data file.</summary>
public sealed class ResourceDataFileTests : DataFileTestBase
{
    private Task<EmulatorHost> StartSavingEverySecond() => Start(options => options.DataSaveIntervalSeconds = 1);

    private static async Task<long> Create(EmulatorHost host, string path, string json, int status = 201)
    {
        var response = await Send(host, HttpMethod.Post, path, json);
        Assert.True(response.Status == status, response.ToString());
        return response.Json.TryGetProperty("id", out var id) ? id.GetInt64() : long.Parse(response.Location()!.Split('/').Last());
    }

    /// <summary>What the routes show of every resource, with the emulator's own address left out (it changes with the port).</summary>
    private static async Task<List<string>> Show(EmulatorHost host, IEnumerable<string> paths)
    {
        string address = host.BaseAddress.ToString().TrimEnd('/');
        var result = new List<string>();
        foreach (string path in paths)
        {
            var response = await Send(host, HttpMethod.Get, path);
            Assert.True(response.Status == 200, path + ": " + response);
            result.Add(path + " " + response.Body.Replace(address, "BASE", StringComparison.Ordinal));
        }

        return result;
    }

    [Fact]
    public async Task EveryResourceComesBackWithItsIdsAndNewIdsContinueAfterTheOldOnes()
    {
        long t = Now - 600;
        List<string> before;
        string[] paths;
        long lastId;
        string viewerToken;
        string retiredToken;
        await using (var first = await Start())
        {
            long annotation = await Create(first, "/v1/annotations/deploys", $$"""
                {"title":"v1.2","source":"web-1","description":"rolled out","start_time":{{t}},"end_time":{{t + 60}},
                 "links":[{"rel":"github","href":"https://example.com/pr/1","label":"PR"}]}
                """);
            await Create(first, "/v1/annotations/deploys", $$"""{"title":"unassigned","start_time":{{t + 5}} }""");
            Assert.Equal(201, (await Send(first, HttpMethod.Post, $"/v1/annotations/deploys/{annotation}/links", """{"rel":"runbook","href":"https://example.com/rb"}""")).Status);
            Assert.Equal(204, (await Send(first, HttpMethod.Put, "/v1/annotations/deploys", """{"display_name":"Deploys"}""")).Status);

            long space = await Create(first, "/v1/spaces", """{"name":"Ops","tags":true}""");
            long related = await Create(first, "/v1/spaces", """{"name":"Related"}""");
            long chart = await Create(first, $"/v1/spaces/{space}/charts", $$"""
                {"name":"All","type":"bignumber","min":0,"max":105,"label":"ms","related_space":{{related}},"use_log_yaxis":true,"use_last_value":true,
                 "thresholds":[{"operator":">","value":90,"type":"red"}],
                 "streams":[{"metric":"latency","source":"us-west-*-app","summary_function":"max","group_function":"breakout","color":"#52D74C",
                             "name":"Latency","units_short":"ms","units_long":"milliseconds","min":0,"max":100,"period":60,
                             "transform_function":"(x - 32) * 5 / 9","split_axis":true,"gap_detection":false,"position":2},
                            {"metric":"cpu","tags":[{"name":"host","values":["%"],"dynamic":true},{"name":"env","values":["prod"],"grouped":true}]},
                            {"composite":"sum(s(\"cpu\", \"*\"))","downsample_function":"sum"}]}
                """);

            long service = await Create(first, "/v1/services", """{"title":"Ops room","type":"slack","settings":{"url":"https://hooks.example.com/x"}}""");
            long firing = await Create(first, "/v1/alerts", $$"""
                {"name":"web.latency","description":"Latency","rearm_seconds":120,"md":true,"attributes":{"runbook_url":"https://example.com/rb"},
                 "services":[{{service}}],
                 "conditions":[{"type":"above","metric_name":"latency","threshold":200,"summary_function":"max","duration":300,
                                "tags":[{"name":"env","values":["prod"],"grouped":true}]},
                               {"type":"absent","metric_name":"heartbeat","source":"web*","duration":600}]}
                """);
            long cleared = await Create(first, "/v1/alerts", """{"name":"disk.full","active":false,"conditions":[{"type":"below","metric_name":"disk.free","threshold":1.5}]}""");
            await Create(first, "/v1/alerts", """{"name":"quiet","conditions":[{"type":"above","metric_name":"cpu","threshold":90}]}""");
            using (var control = new HttpClient { BaseAddress = first.BaseAddress })
            {
                Assert.Equal(204, (int)(await control.PostAsync($"/_emulator/alerts/{firing}/trigger", null)).StatusCode);
                Assert.Equal(204, (int)(await control.PostAsync($"/_emulator/alerts/{cleared}/trigger", null)).StatusCode);
            }

            Assert.Equal(204, (await Send(first, HttpMethod.Post, $"/v1/alerts/{cleared}/clear")).Status);

            var snapshot = await Send(first, HttpMethod.Post, "/v1/snapshots",
                $$$"""{"subject":{"chart":{"id":{{{chart}}},"source":"*","type":"stacked"}},"duration":7200,"end_time":1455931126}""");
            Assert.Equal(202, snapshot.Status);
            string job = new Uri(snapshot.Json.GetProperty("job_href").GetString()!).AbsolutePath;

            var viewer = await Send(first, HttpMethod.Post, "/v1/api_tokens", """{"name":"dashboards","role":"viewer"}""");
            viewerToken = viewer.Json.GetProperty("token").GetString()!;
            var retired = await Send(first, HttpMethod.Post, "/v1/api_tokens", """{"name":"retired","role":"admin"}""");
            retiredToken = retired.Json.GetProperty("token").GetString()!;
            Assert.Equal(200, (await Send(first, HttpMethod.Put, retired.Location()!, """{"active":false}""")).Status);

            // The highest id handed out belongs to something deleted: it must not come back after the restart.
            lastId = await Create(first, "/v1/services", """{"title":"gone","type":"mail","settings":{"addresses":"a@example.com"}}""");
            Assert.Equal(204, (await Send(first, HttpMethod.Delete, $"/v1/services/{lastId}")).Status);

            paths = new[]
            {
                "/v1/annotations", $"/v1/annotations/deploys?start_time={t - 10}", $"/v1/annotations/deploys/{annotation}",
                "/v1/spaces", $"/v1/spaces/{space}", $"/v1/spaces/{space}/charts", $"/v1/spaces/{space}/charts/{chart}",
                "/v1/services", "/v1/alerts", $"/v1/alerts/{firing}", "/v1/alerts/status", $"/v1/alerts/{cleared}/status",
                snapshot.Location()!, job, "/v1/api_tokens",
            };
            before = await Show(first, paths);
        }

        await using var second = await Start();

        Assert.Equal(before, await Show(second, paths));
        Assert.Contains(before, line => line.Contains("\"firing\":[{\"id\":", StringComparison.Ordinal));
        Assert.Contains(before, line => line.Contains("\"cleared\":[{\"cleared_at\":", StringComparison.Ordinal));

        Assert.Equal(200, (await Send(second, HttpMethod.Get, "/v1/metrics", token: viewerToken)).Status);
        Assert.Equal(403, (await Send(second, HttpMethod.Post, "/v1/metrics", """{"gauges":[{"name":"g","value":1}]}""", token: viewerToken)).Status);
        var inactive = await Send(second, HttpMethod.Get, "/v1/metrics", token: retiredToken);
        Assert.Equal("""{"errors":{"request":["Authentication failed: this token is not active."]}}""", inactive.Body);

        long next = await Create(second, "/v1/services", """{"title":"new","type":"mail","settings":{}}""");
        Assert.Equal(lastId + 1, next);
    }

    [Fact]
    public async Task TheFileHasOneSectionPerStore()
    {
        await using (await Start())
        {
        }

        using var document = JsonDocument.Parse(File.ReadAllText(DataPath));
        var account = document.RootElement.GetProperty("accounts").GetProperty(Email);
        Assert.Equal(
            new[] { "metrics", "sources", "annotations", "spaces", "services", "alerts", "snapshots", "jobs", "api_tokens", "resource_ids" },
            account.EnumerateObject().Select(p => p.Name).ToArray());
        Assert.Equal("""{"spaces":[],"charts":[]}""", account.GetProperty("spaces").GetRawText());
        Assert.Equal("""{"last":0}""", account.GetProperty("resource_ids").GetRawText());
    }

    [Fact]
    public async Task IdsContinueAfterTheOldOnesEvenWithoutTheSavedSequence()
    {
        long kept;
        await using (var first = await Start())
        {
            await Create(first, "/v1/spaces", """{"name":"a"}""");
            kept = await Create(first, "/v1/spaces", """{"name":"b"}""");
        }

        // A file edited by hand, or written before the sequence was saved: the ids in the sections still count.
        string text = File.ReadAllText(DataPath);
        File.WriteAllText(DataPath, text.Replace($",\"resource_ids\":{{\"last\":{kept}}}", string.Empty, StringComparison.Ordinal));
        Assert.DoesNotContain("resource_ids", File.ReadAllText(DataPath), StringComparison.Ordinal);

        await using var second = await Start();
        Assert.Equal(kept + 1, await Create(second, "/v1/spaces", """{"name":"c"}"""));
    }

    [Fact]
    public async Task ResetAfterARestartClearsRestoredResourcesAndTokens()
    {
        string value;
        await using (var first = await Start())
        {
            await Create(first, "/v1/spaces", """{"name":"a"}""");
            value = (await Send(first, HttpMethod.Post, "/v1/api_tokens", """{"name":"t","role":"admin"}""")).Json.GetProperty("token").GetString()!;
        }

        await using var second = await Start();
        Assert.Equal(200, (await Send(second, HttpMethod.Get, "/v1/spaces", token: value)).Status);

        second.State.Reset();

        Assert.Equal(401, (await Send(second, HttpMethod.Get, "/v1/spaces", token: value)).Status);
        Assert.Equal(0, (await Send(second, HttpMethod.Get, "/v1/spaces")).Json.GetProperty("query").GetProperty("total").GetInt32());
        Assert.Equal(1, await Create(second, "/v1/spaces", """{"name":"b"}"""));
    }

    [Fact]
    public async Task AnAlertThatStartsFiringWhenItsStatusIsReadIsSaved()
    {
        await using (var host = await StartSavingEverySecond())
        {
            long id = await Create(host, "/v1/alerts", """{"name":"hot","conditions":[{"type":"above","metric_name":"cpu","threshold":90}]}""");
            Assert.Equal(200, (await Send(host, HttpMethod.Post, "/v1/metrics", $$"""{"gauges":[{"name":"cpu","value":95,"measure_time":{{Now - 5}} }]}""")).Status);
            for (int i = 0; i < 100 && !(File.Exists(DataPath) && File.ReadAllText(DataPath).Contains("\"type\":\"gauge\"", StringComparison.Ordinal)); i++)
            {
                await Task.Delay(50);
            }

            // Only a read happens after that save; the alert's new state must still reach the file.
            Assert.Equal("triggered", (await Send(host, HttpMethod.Get, $"/v1/alerts/{id}/status")).Json.GetProperty("status").GetString());
        }

        using var document = JsonDocument.Parse(File.ReadAllText(DataPath));
        var state = document.RootElement.GetProperty("accounts").GetProperty(Email).GetProperty("alerts")[0].GetProperty("state");
        Assert.True(state.GetProperty("firing").GetBoolean());
        Assert.InRange(state.GetProperty("triggered_at").GetInt64(), Now - 5, Now);
    }

    [Theory]
    [InlineData("\"services\":[{\"id\":1,\"type\":\"mail\",\"settings\":{},\"created_at\":1,\"updated_at\":1}]", "title")]
    [InlineData("\"services\":[{\"id\":1,\"title\":null,\"type\":\"mail\",\"settings\":{},\"created_at\":1,\"updated_at\":1}]", "title")]
    [InlineData("\"jobs\":[{\"id\":1,\"state\":\"complete\",\"progress\":100,\"output\":null,\"errors\":null,\"extra\":1}]", "extra")]
    [InlineData("\"spaces\":{\"spaces\":[],\"charts\":[{\"id\":2,\"space_id\":1,\"name\":\"c\",\"type\":\"line\",\"streams\":[],\"min\":null,\"max\":null,\"label\":null,\"related_space\":null,\"thresholds\":null,\"use_log_y_axis\":null,\"use_last_value\":null}]}", "space 1")]
    [InlineData("\"api_tokens\":[{\"id\":1,\"name\":null,\"token\":\"demo-token\",\"role\":\"admin\",\"active\":true,\"created_at\":1,\"updated_at\":1}]", "already has")]
    [InlineData("\"api_tokens\":[{\"id\":1,\"name\":null,\"token\":\"x\",\"role\":\"owner\",\"active\":true,\"created_at\":1,\"updated_at\":1}]", "owner")]
    [InlineData("\"alerts\":null", "alerts")]
    public async Task DamagedResourceSectionsStopTheStartAndAreLeftUntouched(string section, string message)
    {
        string content = "{\"format\":\"librato-emulator-data\",\"version\":1,\"accounts\":{\"" + Email + "\":{" + section + "}}}";
        File.WriteAllText(DataPath, content);

        var error = await Assert.ThrowsAsync<InvalidDataException>(() => Start());

        Assert.Contains(message, error.Message, StringComparison.Ordinal);
        Assert.Equal(content, File.ReadAllText(DataPath));
    }
}
