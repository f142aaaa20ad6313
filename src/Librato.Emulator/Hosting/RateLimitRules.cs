using System.Collections.Generic;

namespace Librato.Emulator.Hosting;

/// <summary>What makes a rate limit usable; shared by the options, the config file and the control API.</summary>
internal static class RateLimitRules
{
    public const int MaxWindowSeconds = 86400;

    public static IEnumerable<string> Problems(EmulatorRateLimit rateLimit)
    {
        if (rateLimit.Limit is < 1)
        {
            yield return "the rate limit must be at least 1 request per window (leave it out for no limit).";
        }

        if (rateLimit.WindowSeconds is < 1 or > MaxWindowSeconds)
        {
            yield return $"the rate-limit window must be between 1 and {MaxWindowSeconds} seconds.";
        }

        if (rateLimit.Status is not (429 or 403))
        {
            yield return "the rate-limit status must be 429 or 403.";
        }
    }
}
