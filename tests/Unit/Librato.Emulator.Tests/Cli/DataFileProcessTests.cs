using System;
using System.IO;
using System.Net.Http;
using System.Text.RegularExpressions;
using System.Threading.Tasks;
using Librato.Emulator.Tests.Support;
using Xunit;

namespace Librato.Emulator.Tests.Cli;

/// <summary>The data file as scripts use it: across process restarts, a kill included.</summary>
public sealed class DataFileProcessTests : IDisposable
{
    private readonly TempDirectory directory = new();

    public void Dispose() => directory.Dispose();

    private static async Task<ApiClient> ConnectAsync(EmulatorProcess emulator, HttpClient http)
    {
        string? line = await emulator.Process.StandardOutput.ReadLineAsync().WaitAsync(TimeSpan.FromSeconds(60));
        var match = Regex.Match(line ?? string.Empty, @"^Librato emulator listening on (http://127\.0\.0\.1:\d+)$");
        Assert.True(match.Success, $"unexpected first line: {line}; stderr: {(emulator.Process.HasExited ? emulator.Process.StandardError.ReadToEnd() : string.Empty)}");
        http.BaseAddress = new Uri(match.Groups[1].Value);
        return new ApiClient(http, "demo@example.com", "demo-token");
    }

    [Fact]
    public async Task KilledProcessKeepsWhatWasSavedAndTerminatedOneSavesEverything()
    {
        string data = directory.File("state.json");
        using (var first = EmulatorProcess.Start("--urls", "http://127.0.0.1:0", "--data-file", data, "--data-save-interval", "1"))
        {
            using var http = new HttpClient();
            var api = await ConnectAsync(first, http);
            Assert.Equal(200, (await api.PostJsonAsync("/v1/metrics", """{"gauges":[{"name":"before.kill","value":4}]}""")).Status);
            for (int i = 0; i < 200 && !(File.Exists(data) && File.ReadAllText(data).Contains("before.kill", StringComparison.Ordinal)); i++)
            {
                await Task.Delay(50);
            }

            first.Process.Kill();
            await first.Process.WaitForExitAsync();
        }

        using (var second = EmulatorProcess.Start("--urls", "http://127.0.0.1:0", "--data-file", data, "--data-save-interval", "3600"))
        {
            using var http = new HttpClient();
            var api = await ConnectAsync(second, http);
            Assert.Equal(200, (await api.GetAsync("/v1/metrics/before.kill")).Status);

            // The hour-long interval means only the save at shutdown can keep this one.
            Assert.Equal(200, (await api.PostJsonAsync("/v1/metrics", """{"gauges":[{"name":"before.term","value":5}]}""")).Status);
            await second.TerminateAsync();
            await second.Process.WaitForExitAsync().WaitAsync(TimeSpan.FromSeconds(30));
            Assert.Equal(0, second.Process.ExitCode);
        }

        using var third = EmulatorProcess.Start("--urls", "http://127.0.0.1:0", "--data-file", data);
        using var client = new HttpClient();
        var again = await ConnectAsync(third, client);
        var shown = await again.GetAsync("/v1/metrics/before.kill?start_time=0");
        Assert.Equal(4, shown.Json.GetProperty("measurements").GetProperty("unassigned")[0].GetProperty("value").GetDouble());
        Assert.Equal(200, (await again.GetAsync("/v1/metrics/before.term")).Status);
    }

    [Fact]
    public async Task UnreadableDataFileExitsWith1AndKeepsTheFile()
    {
        string data = directory.Write("state.json", "not json at all");

        var (exitCode, stdout, stderr) = await EmulatorProcess.RunAsync("--urls", "http://127.0.0.1:0", "--data-file", data);

        Assert.Equal(1, exitCode);
        Assert.Equal(string.Empty, stdout);
        Assert.Contains("could not be read", stderr, StringComparison.Ordinal);
        Assert.Equal("not json at all", File.ReadAllText(data));
    }

    [Fact]
    public async Task BadConfigFileExitsWith2()
    {
        string config = directory.Write("accounts.json", """{"accounts":[{"email":"a@example.com","tokens":[{"token":"t","role":"root"}]}]}""");

        var (exitCode, _, stderr) = await EmulatorProcess.RunAsync("--config", config);

        Assert.Equal(2, exitCode);
        Assert.Contains("role must be admin, recorder or viewer", stderr, StringComparison.Ordinal);
    }
}
