using System.IO;
using System;
using System.Linq;
using Librato.Emulator.Cli;
using Xunit;

namespace Librato.Emulator.Tests.Cli;

public sealed class CommandLineParserTests
{
    private static EmulatorOptions Run(params string[] args)
    {
        var result = CommandLineParser.Parse(args);
        Assert.Null(result.Error);
        Assert.False(result.HelpRequested);
        return result.Options!;
    }

    private static CommandLineResult Fail(params string[] args)
    {
        var result = CommandLineParser.Parse(args);
        Assert.NotNull(result.Error);
        Assert.Null(result.Options);
        return result;
    }

    [Fact]
    public void TlsOptionsAreRead()
    {
        var options = Run("--https", "--ca-file", Path.Combine(Path.GetTempPath(), "ca.pem"), "--urls", "https://127.0.0.1:0");
        Assert.True(options.Https);
        Assert.True(options.UsesTls);
        Assert.Equal(Path.Combine(Path.GetTempPath(), "ca.pem"), options.CertificateAuthorityFile);
        Assert.Contains("--https takes no value", Fail("--https=yes").Error, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("--ca-file", "ca.pem")]
    public void ACaFileNeedsHttps(string name, string value)
    {
        Assert.Contains("--ca-file writes the authority", Fail(name, Path.Combine(Path.GetTempPath(), value)).Error, StringComparison.Ordinal);
    }

    [Fact]
    public void ACertificateFileMustExist()
    {
        Assert.Contains("does not exist", Fail("--certificate", "/no/such/cert.pem").Error, StringComparison.Ordinal);
        Assert.Contains("--certificate-key goes with --certificate", Fail("--certificate-key", "/no/such/key.pem").Error, StringComparison.Ordinal);
    }

    [Fact]
    public void DefaultsMatchTheDocumentedValues()
    {
        var options = Run();

        Assert.Equal("http://127.0.0.1:8700", options.Urls);
        Assert.Equal(new[] { new EmulatorAccount("demo@example.com", "demo-token") }, options.EffectiveAccounts);
        Assert.Equal(10000, options.RequestLogSize);
        Assert.Equal(31536000, options.MaxPastSeconds);
        Assert.Equal(900, options.MaxFutureSeconds);
        Assert.False(options.AllowRemote);
    }

    [Fact]
    public void EveryOptionIsRead()
    {
        var options = Run("--urls", "http://127.0.0.1:0", "--request-log-size", "5", "--max-past-seconds", "60",
            "--max-future-seconds", "0", "--allow-remote");

        Assert.Equal(("http://127.0.0.1:0", 5, 60L, 0L, true),
            (options.Urls, options.RequestLogSize, options.MaxPastSeconds, options.MaxFutureSeconds, options.AllowRemote));
    }

    [Fact]
    public void UsersAndTokensPairInOrder()
    {
        var options = Run("--user", "a@example.com", "--user", "b@example.com", "--token", "ta", "--token", "tb");

        Assert.Equal(
            new[] { new EmulatorAccount("a@example.com", "ta"), new EmulatorAccount("b@example.com", "tb") },
            options.EffectiveAccounts);
    }

    [Fact]
    public void EqualsFormIsAccepted()
    {
        var options = Run("--urls=http://[::1]:0", "--user=a@example.com", "--token=x=y", "--request-log-size=0");

        Assert.Equal("http://[::1]:0", options.Urls);
        Assert.Equal(new EmulatorAccount("a@example.com", "x=y"), options.EffectiveAccounts.Single());
        Assert.Equal(0, options.RequestLogSize);
    }

    [Theory]
    [InlineData("http://localhost:8700")]
    [InlineData("http://127.0.0.2:8700")]
    [InlineData("http://[::1]:8700")]
    [InlineData("http://127.0.0.1:1;http://localhost:2")]
    public void LoopbackUrlsAreAccepted(string urls)
    {
        Assert.Equal(urls, Run("--urls", urls).Urls);
    }

    [Theory]
    [InlineData("http://0.0.0.0:8700")]
    [InlineData("http://*:8700")]
    [InlineData("http://+:8700")]
    [InlineData("http://192.0.2.1:8700")]
    [InlineData("http://metrics.example.com:8700")]
    [InlineData("http://[::]:8700")]
    public void NonLoopbackUrlsAreRefusedUnlessAllowed(string urls)
    {
        var refused = Fail("--urls", urls);

        Assert.Contains("not a loopback address", refused.Error, StringComparison.Ordinal);
        Assert.Contains("--allow-remote", refused.Error, StringComparison.Ordinal);
        Assert.False(refused.ShowUsage);
        Assert.True(Run("--urls", urls, "--allow-remote").AllowRemote);
    }

    [Theory]
    [InlineData("https://127.0.0.1:8700", "give --https (a certificate made at start) or --certificate PATH")]
    [InlineData("ftp://127.0.0.1:8700", "uses ftp; the emulator serves http, or https with --https or --certificate")]
    [InlineData("127.0.0.1:8700", "not a URL")]
    [InlineData("http://127.0.0.1:99999", "invalid port")]
    public void UnusableUrlsAreRefused(string urls, string message)
    {
        Assert.Contains(message, Fail("--urls", urls).Error, StringComparison.Ordinal);
    }

    [Fact]
    public void UnknownOptionShowsUsage()
    {
        var result = Fail("--port", "80");

        Assert.Equal("Unknown option '--port'.", result.Error);
        Assert.True(result.ShowUsage);
    }

    [Theory]
    [InlineData("--user", "a@example.com")]
    [InlineData("--token", "t")]
    [InlineData("--user", "a@example.com", "--token", "t", "--user", "b@example.com")]
    public void UnpairedUserOrTokenIsAnError(params string[] args)
    {
        Assert.Contains("matching --token", Fail(args).Error, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("--request-log-size", "-1")]
    [InlineData("--max-past-seconds", "year")]
    [InlineData("--max-future-seconds", "1.5")]
    public void NumbersMustBeWholeAndNotNegative(string option, string value)
    {
        Assert.Contains("whole number", Fail(option, value).Error, StringComparison.Ordinal);
    }

    [Fact]
    public void OptionWithoutItsValueIsAnError()
    {
        Assert.Equal("--urls needs a value.", Fail("--urls").Error);
    }

    [Fact]
    public void DuplicateUserIsAnError()
    {
        Assert.Contains("more than once", Fail("--user", "a@x.com", "--token", "1", "--user", "A@x.com", "--token", "2").Error, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("--help")]
    [InlineData("-h")]
    public void HelpIsRecognisedAnywhere(string flag)
    {
        Assert.True(CommandLineParser.Parse(new[] { "--urls", "http://127.0.0.1:1", flag }).HelpRequested);
    }

    [Fact]
    public void AppOpticsIsAFlag()
    {
        Assert.False(Run().AppOptics);
        Assert.True(Run("--appoptics").AppOptics);
        Assert.Contains("--appoptics takes no value", Fail("--appoptics=yes").Error, StringComparison.Ordinal);
        Assert.Contains("--appoptics", Usage.Text, StringComparison.Ordinal);
    }

    [Fact]
    public void UsageNamesEveryOption()
    {
        foreach (string option in new[] { "--urls", "--user", "--token", "--allow-remote", "--request-log-size", "--max-past-seconds", "--max-future-seconds", "--help" })
        {
            Assert.Contains(option, Usage.Text, StringComparison.Ordinal);
        }
    }

    [Fact]
    public void UsageNamesTheRequestHandlingOptionsAndControlRoutes()
    {
        foreach (string text in new[]
                 {
                     "--config PATH", "--rate-limit N", "--rate-limit-window SECONDS", "--rate-limit-status CODE", "--data-file PATH",
                     "--data-save-interval SECONDS", "/_emulator/faults", "/_emulator/rate-limit",
                 })
        {
            Assert.Contains(text, Usage.Text, StringComparison.Ordinal);
        }
    }

    [Fact]
    public void RequestHandlingOptionsAreRead()
    {
        string directory = System.IO.Path.GetTempPath();
        string dataFile = System.IO.Path.Combine(directory, "emulator-data.json");
        var options = Run("--rate-limit", "100", "--rate-limit-window=30", "--rate-limit-status", "403",
            "--data-file", dataFile, "--data-save-interval", "2");

        Assert.Equal((100, 30, 403), (options.RateLimit!.Value, options.RateLimitWindowSeconds, options.RateLimitStatus));
        Assert.Equal((dataFile, 2), (options.DataFile, options.DataSaveIntervalSeconds));
    }

    [Fact]
    public void RequestHandlingDefaultsAreOff()
    {
        var options = Run();

        Assert.Equal(((int?)null, 60, 429, (string?)null, 5, (string?)null),
            (options.RateLimit, options.RateLimitWindowSeconds, options.RateLimitStatus, options.DataFile, options.DataSaveIntervalSeconds, options.ConfigFile));
    }

    [Theory]
    [InlineData("--rate-limit-status", "500", "The rate-limit status must be 429 or 403.")]
    [InlineData("--rate-limit", "0", "The rate limit must be at least 1 request per window")]
    [InlineData("--rate-limit-window", "0", "The rate-limit window must be between 1 and 86400 seconds.")]
    [InlineData("--data-save-interval", "0", "The data save interval must be at least 1 second.")]
    [InlineData("--rate-limit", "99999999999", "--rate-limit is too large: 99999999999.")]
    [InlineData("--data-file", "/no/such/directory/data.json", "The directory of the data file '/no/such/directory/data.json' does not exist.")]
    [InlineData("--config", "/no/such/accounts.json", "Could not read the config file '/no/such/accounts.json'")]
    public void UnusableRequestHandlingOptionsAreRefused(string option, string value, string message)
    {
        Assert.Contains(message, Fail(option, value).Error, StringComparison.Ordinal);
    }
}
