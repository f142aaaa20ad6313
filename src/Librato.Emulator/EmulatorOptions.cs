using System.Collections.Generic;

namespace Librato.Emulator;

/// <summary>Settings for one emulator instance; the command line fills the same class.</summary>
public sealed class EmulatorOptions
{
    public const int DefaultRequestLogSize = 10000;
    public const long DefaultMaxPastSeconds = 31536000;
    public const long DefaultMaxFutureSeconds = 900;

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

    /// <summary>Allows listening on non-loopback addresses.</summary>
    public bool AllowRemote { get; set; }

    /// <summary>The configured accounts, or the default account when none is configured.</summary>
    public IReadOnlyList<EmulatorAccount> EffectiveAccounts =>
        Accounts.Count == 0 ? new[] { EmulatorAccount.Default } : new List<EmulatorAccount>(Accounts);
}
