namespace Librato.Emulator.Limits;

/// <summary>What one bucket's header reports: the limit, what is left of it, and when the window ends (Unix seconds).</summary>
internal readonly record struct RateView(long Limit, long Remaining, long Reset)
{
    /// <summary>The header value, <c>limit=N,remaining=N,reset=EPOCH</c>.</summary>
    public string ToHeader() => $"limit={Limit},remaining={Remaining},reset={Reset}";
}
