using System;

namespace Librato.Api
{
    /// <summary>
    /// How much a run may still spend on failures. Until the run's deadline every batch has the session's retries
    /// (a short outage is ridden out). Past it no retry waits any more, and once a batch has failed no more are tried:
    /// what is left is kept or reported at once. So an outage costs a run at most its deadline and one request
    /// timeout, not its retry budget once per batch. A problem with the session itself (credentials, certificate,
    /// proxy) stops every later batch at once. Thread-safe.
    /// </summary>
    internal sealed class SendBudget
    {
        private readonly object gate = new object();
        private readonly TimeProvider clock;
        private readonly bool stopAfterFailure;
        private LibratoApiException? failure;
        private LibratoApiException? stopped;

        /// <param name="clock">The clock the deadline is measured on.</param>
        /// <param name="maxDuration">How long the run may take before failures end it; null for no limit.</param>
        /// <param name="stopAfterFailure">
        /// Try nothing more after a batch failed (a queue keeps the rest for its next submission), instead of trying
        /// each later batch once.
        /// </param>
        public SendBudget(TimeProvider clock, TimeSpan? maxDuration, bool stopAfterFailure = false)
        {
            this.clock = clock;
            this.stopAfterFailure = stopAfterFailure;
            MaxDuration = maxDuration;
            Deadline = maxDuration.HasValue ? clock.GetUtcNow() + maxDuration.Value : (DateTimeOffset?)null;
        }

        public TimeSpan? MaxDuration { get; }

        public DateTimeOffset? Deadline { get; }

        public bool IsPastDeadline => Deadline.HasValue && clock.GetUtcNow() >= Deadline.Value;

        /// <summary>Whether the last batch tried failed (and none got through since).</summary>
        public bool IsFailing
        {
            get
            {
                lock (gate)
                {
                    return failure != null;
                }
            }
        }

        /// <summary>The session problem that stopped the run, if one did.</summary>
        public LibratoApiException? StoppedBy
        {
            get
            {
                lock (gate)
                {
                    return stopped;
                }
            }
        }

        /// <summary>
        /// Whether another batch may be tried; when not, <paramref name="reason"/> is the failure that keeps it from
        /// being tried (it is reported, or the batch kept, with it).
        /// </summary>
        public bool MayAttempt(out LibratoApiException? reason)
        {
            lock (gate)
            {
                reason = stopped ?? (failure != null && (stopAfterFailure || IsPastDeadline) ? failure : null);
                return reason == null;
            }
        }

        /// <summary>What the transport may spend on the next request.</summary>
        public RequestPolicy Policy() => new RequestPolicy { MaxRetries = IsPastDeadline ? 0 : (int?)null, Deadline = Deadline };

        public void Succeeded()
        {
            lock (gate)
            {
                failure = null;
            }
        }

        /// <param name="error">The failure.</param>
        /// <param name="stop">Stop the run whatever the kind of failure (a submission route that does not exist, say).</param>
        public void Failed(LibratoApiException error, bool stop = false)
        {
            lock (gate)
            {
                if (stop || error.IsSessionProblem)
                {
                    stopped ??= error;
                }
                else
                {
                    failure = error;
                }
            }
        }

        /// <summary>Says why a batch was not tried: the failure, and the rule that kept it back.</summary>
        public string Describe(LibratoApiException reason) =>
            ReferenceEquals(reason, StoppedBy)
                ? "not sent: an earlier request of this run failed in a way every request would (" + reason.Message + ")"
                : stopAfterFailure
                    ? "not sent: an earlier batch of this submission failed (" + reason.Message + ")"
                    : "not sent: the run's time limit of " + (MaxDuration?.TotalSeconds ?? 0) + " s has passed and the API is failing (" + reason.Message + ")";
    }
}
