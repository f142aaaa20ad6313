using System;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using Librato.Emulator.Hosting;
using Librato.Emulator.Persistence;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.Hosting;

namespace Librato.Emulator;

/// <summary>
/// A running emulator on Kestrel. Tests start one with <see cref="StartAsync"/>, talk to
/// <see cref="BaseAddress"/> and inspect <see cref="State"/>; disposing stops it.
/// </summary>
public sealed class EmulatorHost : IAsyncDisposable
{
    private readonly WebApplication app;
    private readonly DataFileSaver? saver;
    private int disposed;

    private EmulatorHost(WebApplication app, EmulatorState state, Uri baseAddress, DataFileSaver? saver)
    {
        this.app = app;
        State = state;
        BaseAddress = baseAddress;
        this.saver = saver;
    }

    /// <summary>The address actually bound (the first one when several URLs were given), ending in '/'.</summary>
    public Uri BaseAddress { get; }

    /// <summary>Everything the emulator has stored, for direct inspection.</summary>
    public EmulatorState State { get; }

    /// <summary>Validates the options, starts listening and returns once requests are accepted.</summary>
    /// <exception cref="ArgumentException">The options are invalid, for example a non-loopback URL without AllowRemote.</exception>
    /// <exception cref="System.IO.InvalidDataException">The data file exists but cannot be read; it is left untouched.</exception>
    public static async Task<EmulatorHost> StartAsync(EmulatorOptions options, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(options);
        var problems = EmulatorOptionsValidator.Validate(options, out var accounts);
        if (problems.Count > 0)
        {
            throw new ArgumentException(string.Join(Environment.NewLine, problems), nameof(options));
        }

        // A private copy keeps a running emulator unaffected by later changes to the caller's object.
        var settings = new EmulatorOptions
        {
            Urls = options.Urls,
            Accounts = accounts,
            RequestLogSize = options.RequestLogSize,
            MaxPastSeconds = options.MaxPastSeconds,
            MaxFutureSeconds = options.MaxFutureSeconds,
            AllowRemote = options.AllowRemote,
            Https = options.Https,
            CertificateFile = options.CertificateFile,
            CertificateKeyFile = options.CertificateKeyFile,
            CertificateAuthorityFile = options.CertificateAuthorityFile,
            AppOptics = options.AppOptics,
            RateLimit = options.RateLimit,
            RateLimitWindowSeconds = options.RateLimitWindowSeconds,
            RateLimitStatus = options.RateLimitStatus,
            DataFile = options.DataFile,
            DataSaveIntervalSeconds = options.DataSaveIntervalSeconds,
        };
        var state = new EmulatorState(settings.Accounts.ToList(), settings.RequestLogSize, settings.DefaultRateLimit)
        {
            AppOptics = settings.AppOptics,
        };
        var dataFile = settings.DataFile is null ? null : new DataFile(settings.DataFile, state);
        dataFile?.Load();
        var app = EmulatorApplication.Build(settings, state);
        try
        {
            await app.StartAsync(ct).ConfigureAwait(false);
        }
        catch
        {
            await app.DisposeAsync().ConfigureAwait(false);
            throw;
        }

        var saver = dataFile is null
            ? null
            : new DataFileSaver(dataFile, TimeSpan.FromSeconds(settings.DataSaveIntervalSeconds), app.Logger);
        string address = app.Urls.First();
        return new EmulatorHost(app, state, new Uri(address.TrimEnd('/') + "/"), saver);
    }

    /// <summary>Completes when the process is asked to stop (Ctrl+C, SIGTERM) or the token is cancelled.</summary>
    public Task WaitForShutdownAsync(CancellationToken ct = default) => app.WaitForShutdownAsync(ct);

    public async ValueTask DisposeAsync()
    {
        if (Interlocked.Exchange(ref disposed, 1) != 0)
        {
            return;
        }

        await app.StopAsync().ConfigureAwait(false);

        // Requests have stopped, so the final save holds everything that was accepted.
        if (saver is not null)
        {
            await saver.DisposeAsync().ConfigureAwait(false);
        }

        await app.DisposeAsync().ConfigureAwait(false);
    }
}
