using System;
using System.Net.Http;
using System.Text.RegularExpressions;
using System.Threading.Tasks;
using Librato.Emulator.Tests.Support;
using Xunit;

namespace Librato.Emulator.Tests.Cli;

public sealed class ProgramTests
{
    [Fact]
    public async Task PrintsOneListeningLineServesRequestsAndStopsOnSigterm()
    {
        using var emulator = EmulatorProcess.Start("--urls", "http://127.0.0.1:0", "--user", "cli@example.com", "--token", "cli-token");

        string? line = await emulator.Process.StandardOutput.ReadLineAsync().WaitAsync(TimeSpan.FromSeconds(60));
        var match = Regex.Match(line ?? string.Empty, @"^Librato emulator listening on (http://127\.0\.0\.1:(\d+))$");
        Assert.True(match.Success, $"unexpected first line: {line}");
        Assert.NotEqual("0", match.Groups[2].Value);

        using var http = new HttpClient { BaseAddress = new Uri(match.Groups[1].Value) };
        var accepted = await new ApiClient(http, "cli@example.com", "cli-token").GetAsync("/v1/metrics");
        var defaultAccount = await new ApiClient(http, "demo@example.com", "demo-token").GetAsync("/v1/metrics");
        Assert.Equal(200, accepted.Status);
        Assert.Equal(401, defaultAccount.Status);

        await emulator.TerminateAsync();
        string rest = await emulator.Process.StandardOutput.ReadToEndAsync().WaitAsync(TimeSpan.FromSeconds(30));
        await emulator.Process.WaitForExitAsync().WaitAsync(TimeSpan.FromSeconds(30));
        Assert.Equal(0, emulator.Process.ExitCode);
        Assert.Equal(string.Empty, rest);
    }

    [Fact]
    public async Task UnknownOptionPrintsUsageOnStderrAndExits2()
    {
        var (exitCode, stdout, stderr) = await EmulatorProcess.RunAsync("--bogus");

        Assert.Equal(2, exitCode);
        Assert.Equal(string.Empty, stdout);
        Assert.Contains("Unknown option '--bogus'.", stderr, StringComparison.Ordinal);
        Assert.Contains("Usage:", stderr, StringComparison.Ordinal);
    }

    [Fact]
    public async Task NonLoopbackUrlIsRefusedWithExitCode2()
    {
        var (exitCode, stdout, stderr) = await EmulatorProcess.RunAsync("--urls", "http://0.0.0.0:0");

        Assert.Equal(2, exitCode);
        Assert.Equal(string.Empty, stdout);
        Assert.Contains("not a loopback address", stderr, StringComparison.Ordinal);
    }

    [Fact]
    public async Task HelpPrintsUsageAndExits0()
    {
        var (exitCode, stdout, _) = await EmulatorProcess.RunAsync("--help");

        Assert.Equal(0, exitCode);
        Assert.StartsWith("Usage: dotnet Librato.Emulator.dll", stdout, StringComparison.Ordinal);
    }
}
