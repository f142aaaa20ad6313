using System;
using System.Collections.Generic;

namespace Librato.Api
{
    /// <summary>Measurements the API refused for good (a client error), kept with the reason so nothing is lost silently.</summary>
    public sealed class FailedBatch
    {
        public FailedBatch(IReadOnlyList<Measurement> measurements, string reason, LibratoApiException? error)
        {
            Measurements = measurements;
            Reason = reason;
            Error = error;
            FailedAt = DateTime.UtcNow;
        }

        public IReadOnlyList<Measurement> Measurements { get; }

        public string Reason { get; }

        /// <summary>The API failure, or null when the API accepted the batch but refused these measurements in it.</summary>
        public LibratoApiException? Error { get; }

        public DateTime FailedAt { get; }

        public override string ToString() => $"{Measurements.Count} measurement(s): {Reason}";
    }
}
