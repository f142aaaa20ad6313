namespace Librato.Emulator;

/// <summary>
/// A per-account request limit: at most <paramref name="Limit"/> requests per window in each of the two buckets
/// (measurement submissions, everything else). A null limit counts requests for the headers but refuses none.
/// </summary>
/// <param name="Limit">Requests allowed per window and bucket; null for no limit.</param>
/// <param name="WindowSeconds">How long a window lasts, from the first request it counts.</param>
/// <param name="Status">The status of a refused request: 429, or 403 for the historical body.</param>
public sealed record EmulatorRateLimit(int? Limit, int WindowSeconds = EmulatorRateLimit.DefaultWindowSeconds, int Status = EmulatorRateLimit.DefaultStatus)
{
    public const int DefaultWindowSeconds = 60;
    public const int DefaultStatus = 429;

    /// <summary>No limit, one-minute windows.</summary>
    public static EmulatorRateLimit Unlimited { get; } = new(Limit: null);
}
