using System;

namespace Librato.Api
{
    /// <summary>
    /// What one call asks of the transport beyond the session's options: fewer retries (a sender whose earlier batch
    /// failed tries the next one once), a time after which no retry may start, and a check that a 2xx answer is
    /// really the route's own (a proxy's page or a captive portal answers 200 too).
    /// </summary>
    internal sealed class RequestPolicy
    {
        /// <summary>At most this many retries; never more than the session's <see cref="LibratoClientOptions.MaxRetries"/>.</summary>
        public int? MaxRetries { get; set; }

        /// <summary>No retry waits past this moment: the call fails with its last error instead.</summary>
        public DateTimeOffset? Deadline { get; set; }

        /// <summary>Returns why a 2xx answer is not the route's answer, or null when it is.</summary>
        public Func<ApiResponse, string?>? CheckAnswer { get; set; }
    }
}
