using System;
using System.Collections.Generic;
using System.Globalization;
using System.Net.Http;

namespace Librato.Api
{
    /// <summary>
    /// When the server says to come back: <c>Retry-After</c> (seconds or a date), or the reset time of an exhausted
    /// rate limit in <c>X-Librato-RateLimit-Agg</c>/<c>-Std</c> (<c>limit=N,remaining=N,reset=EPOCH</c>).
    /// </summary>
    internal static class RetryHints
    {
        private static readonly string[] RateLimitHeaders = { "X-Librato-RateLimit-Agg", "X-Librato-RateLimit-Std" };

        public static TimeSpan? From(HttpResponseMessage response, TimeProvider clock)
        {
            var retryAfter = response.Headers.RetryAfter;
            if (retryAfter?.Delta != null)
            {
                return retryAfter.Delta.Value;
            }

            if (retryAfter?.Date != null)
            {
                var wait = retryAfter.Date.Value - clock.GetUtcNow();
                // Stryker disable once Equality : at zero both branches give zero
                return wait < TimeSpan.Zero ? TimeSpan.Zero : wait;
            }

            foreach (var header in RateLimitHeaders)
            {
                if (response.Headers.TryGetValues(header, out var values))
                {
                    var wait = FromRateLimit(values, clock.GetUtcNow().ToUnixTimeSeconds());
                    if (wait.HasValue)
                    {
                        return wait;
                    }
                }
            }

            return null;
        }

        /// <summary>The time until reset when nothing remains; null while requests remain or the value is unreadable.</summary>
        internal static TimeSpan? FromRateLimit(IEnumerable<string> values, long now)
        {
            long? remaining = null;
            long? reset = null;
            foreach (var value in values)
            {
                foreach (var pair in value.Split(','))
                {
                    var parts = pair.Split(new[] { '=' }, 2);
                    if (parts.Length == 2 && long.TryParse(parts[1].Trim(), NumberStyles.Integer, CultureInfo.InvariantCulture, out var number))
                    {
                        switch (parts[0].Trim().ToLowerInvariant())
                        {
                            case "remaining":
                                remaining = number;
                                break;
                            case "reset":
                                reset = number;
                                break;
                        }
                    }
                }
            }

            if (remaining != 0 || !reset.HasValue)
            {
                return null;
            }

            return TimeSpan.FromSeconds(Math.Max(reset.Value - now, 0));
        }
    }
}
