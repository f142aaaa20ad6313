using System;

namespace Librato.Emulator.Limits;

/// <summary>
/// Counts one account's requests in fixed windows, one window per bucket. A window opens with the first request
/// after the previous one ended and lasts the configured number of seconds, so a test that starts counting
/// knows exactly when it resets.
/// </summary>
internal sealed class AccountRateLimiter
{
    /// <summary>
    /// The limit the headers report when none is enforced: the value seen in a real Librato header, high enough
    /// that no client slows down because of it.
    /// </summary>
    public const long NominalLimit = 600000;

    private readonly object gate = new();
    private readonly Window[] windows = { new(), new() };
    private EmulatorRateLimit settings;

    public AccountRateLimiter(EmulatorRateLimit configured)
    {
        Configured = configured;
        settings = configured;
    }

    /// <summary>The settings the emulator started with, which a reset restores.</summary>
    public EmulatorRateLimit Configured { get; }

    public EmulatorRateLimit Settings
    {
        get
        {
            lock (gate)
            {
                return settings;
            }
        }
    }

    /// <summary>Replaces the settings and starts both windows afresh.</summary>
    public void Configure(EmulatorRateLimit value)
    {
        lock (gate)
        {
            settings = value;
            windows[0] = new Window();
            windows[1] = new Window();
        }
    }

    public void Restore() => Configure(Configured);

    /// <summary>
    /// Counts a request against <paramref name="bucket"/>; false when the limit is reached, and then
    /// <paramref name="retryAfterSeconds"/> says when the window ends. Both views describe the state afterwards.
    /// </summary>
    public bool TryConsume(RateBucket bucket, long nowMilliseconds, out RateView agg, out RateView std, out long retryAfterSeconds)
    {
        lock (gate)
        {
            var window = windows[(int)bucket];
            Roll(window, nowMilliseconds);
            bool allowed = settings.Limit is not { } limit || window.Used < limit;
            if (allowed)
            {
                window.Used++;
            }

            retryAfterSeconds = allowed ? 0 : Math.Max(1, CeilingSeconds(window.EndMilliseconds - nowMilliseconds));
            agg = View(windows[(int)RateBucket.Agg], nowMilliseconds);
            std = View(windows[(int)RateBucket.Std], nowMilliseconds);
            return allowed;
        }
    }

    /// <summary>The bucket's state without counting a request.</summary>
    public RateView Peek(RateBucket bucket, long nowMilliseconds)
    {
        lock (gate)
        {
            return View(windows[(int)bucket], nowMilliseconds);
        }
    }

    private void Roll(Window window, long now)
    {
        if (window.Used == 0 || now >= window.EndMilliseconds)
        {
            window.Used = 0;
            window.EndMilliseconds = now + (settings.WindowSeconds * 1000L);
        }
    }

    private RateView View(Window window, long now)
    {
        bool open = window.Used > 0 && now < window.EndMilliseconds;
        long used = open ? window.Used : 0;
        long end = open ? window.EndMilliseconds : now + (settings.WindowSeconds * 1000L);
        long limit = settings.Limit ?? NominalLimit;
        return new RateView(limit, Math.Max(0, limit - used), CeilingSeconds(end));
    }

    private static long CeilingSeconds(long milliseconds) => (milliseconds + 999) / 1000;

    private sealed class Window
    {
        public long Used { get; set; }

        public long EndMilliseconds { get; set; }
    }
}
