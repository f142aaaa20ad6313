using System.Collections.Generic;

namespace Librato.Emulator;

/// <summary>Settings for one emulator instance; the command line fills the same class.</summary>
public sealed class EmulatorOptions
{
    public const int DefaultRequestLogSize = 10000;
    public const long DefaultMaxPastSeconds = 31536000;
    public const long DefaultMaxFutureSeconds = 900;
    public const int DefaultDataSaveIntervalSeconds = 5;

    /// <summary>Kestrel URLs, ';'-separated. Port 0 picks a free port. Only loopback hosts unless <see cref="AllowRemote"/>.</summary>
    public string Urls { get; set; } = "http://127.0.0.1:0";

    /// <summary>The accounts, each with its own data. When empty, <see cref="EmulatorAccount.Default"/> is used.</summary>
    public IList<EmulatorAccount> Accounts { get; set; } = new List<EmulatorAccount>();

    /// <summary>How many /v1 requests the control API keeps; 0 disables the request log.</summary>
    public int RequestLogSize { get; set; } = DefaultRequestLogSize;

    /// <summary>Submitted times older than now minus this many seconds are rejected.</summary>
    public long MaxPastSeconds { get; set; } = DefaultMaxPastSeconds;

    /// <summary>Submitted times newer than now plus this many seconds are rejected.</summary>
    public long MaxFutureSeconds { get; set; } = DefaultMaxFutureSeconds;

    /// <summary>
    /// Answers as AppOptics does: the token alone authenticates, POST /v1/metrics and the source routes do not
    /// exist, and a tagged submission with an untagged measurement or more than 1,000 measurements is refused whole.
    /// </summary>
    public bool AppOptics { get; set; }

    /// <summary>Serve https: with <see cref="CertificateFile"/>, or with a certificate made at start (see <see cref="CertificateAuthorityFile"/>).</summary>
    public bool Https { get; set; }

    /// <summary>The server certificate: a PEM file (with its key, or the key in <see cref="CertificateKeyFile"/>) or a PKCS#12 file.</summary>
    public string? CertificateFile { get; set; }

    /// <summary>The PEM file of <see cref="CertificateFile"/>'s key, when it is apart.</summary>
    public string? CertificateKeyFile { get; set; }

    /// <summary>Where to write the certificate (no key) of the authority that signed a certificate made at start, for clients to trust.</summary>
    public string? CertificateAuthorityFile { get; set; }

    /// <summary>Whether the emulator serves https (<see cref="Https"/> or a <see cref="CertificateFile"/>).</summary>
    public bool UsesTls => Https || CertificateFile is not null;

    /// <summary>Allows listening on non-loopback addresses.</summary>
    public bool AllowRemote { get; set; }

    /// <summary>
    /// A JSON file of further accounts, with their tokens, roles and rate limits (see docs/emulator.md). Its
    /// accounts follow those in <see cref="Accounts"/>.
    /// </summary>
    public string? ConfigFile { get; set; }

    /// <summary>Requests allowed per window in each rate-limit bucket, for accounts without their own limit; null for no limit.</summary>
    public int? RateLimit { get; set; }

    /// <summary>How long a rate-limit window lasts, in seconds.</summary>
    public int RateLimitWindowSeconds { get; set; } = EmulatorRateLimit.DefaultWindowSeconds;

    /// <summary>The status of a request over the limit: 429, or 403 for the historical body.</summary>
    public int RateLimitStatus { get; set; } = EmulatorRateLimit.DefaultStatus;

    /// <summary>A file that keeps the stored data across restarts: read at start, saved periodically and at shutdown.</summary>
    public string? DataFile { get; set; }

    /// <summary>How often, in seconds, changed data is saved to <see cref="DataFile"/>.</summary>
    public int DataSaveIntervalSeconds { get; set; } = DefaultDataSaveIntervalSeconds;

    /// <summary>The emulator-wide rate limit these options describe.</summary>
    public EmulatorRateLimit DefaultRateLimit => new(RateLimit, RateLimitWindowSeconds, RateLimitStatus);

    /// <summary>The configured accounts, or the default account when none is configured; <see cref="ConfigFile"/> is not read here.</summary>
    public IReadOnlyList<EmulatorAccount> EffectiveAccounts =>
        Accounts.Count == 0 ? new[] { EmulatorAccount.Default } : new List<EmulatorAccount>(Accounts);
}
