using Librato.Emulator.Http;

namespace Librato.Emulator.Input;

/// <summary>The range of submission times accepted at one moment, fixed once per request.</summary>
internal readonly struct TimeWindow
{
    private readonly long earliest;
    private readonly long latest;

    public TimeWindow(long now, long maxPastSeconds, long maxFutureSeconds)
    {
        Now = now;
        earliest = now - maxPastSeconds;
        latest = now + maxFutureSeconds;
    }

    public long Now { get; }

    /// <summary>Null when the time is acceptable, otherwise the reason it is not.</summary>
    public string? Check(long time)
    {
        if (time < earliest)
        {
            return ErrorMessages.TooFarInPast;
        }

        return time > latest ? ErrorMessages.TooFarInFuture : null;
    }
}
