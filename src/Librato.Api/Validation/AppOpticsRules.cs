using System;
using System.Collections.Generic;

namespace Librato.Api
{
    /// <summary>
    /// What AppOptics refuses that Librato takes: sources, counters and measurements without tags. Checked on the
    /// client so that one legacy item never costs a request, and the good items around it still go through.
    /// </summary>
    public static class AppOpticsRules
    {
        /// <summary>AppOptics takes at most this many measurements in one request.</summary>
        public const int MaxBatchSize = 1000;

        /// <summary>Why AppOptics cannot take the measurement, or null when it can.</summary>
        public static ValidationError? Check(Measurement m)
        {
            if (m.Type == MetricType.Counter)
            {
                return new ValidationError(
                    ValidationCodes.AppOpticsNoCounters,
                    $"'{m.Name}' is a counter; AppOptics has no counters: send the value as a gauge with tags.");
            }

            if (m.Source != null)
            {
                return new ValidationError(
                    ValidationCodes.AppOpticsNoSources,
                    $"'{m.Name}' has the source '{m.Source}'; AppOptics has no sources: send it as a tag instead (for example source={m.Source}).");
            }

            if (!m.IsTagged)
            {
                return new ValidationError(
                    ValidationCodes.AppOpticsTagsRequired,
                    $"'{m.Name}' has no tags; AppOptics needs at least one tag on every measurement, its own or inherited (such as a session's default tags).");
            }

            return null;
        }

        /// <summary>Throws when a batch holds a measurement AppOptics would refuse; the message names the first one.</summary>
        internal static void RequireSubmittable(IReadOnlyList<Measurement> batch)
        {
            for (var i = 0; i < batch.Count; i++)
            {
                var problem = Check(batch[i]);
                if (problem != null)
                {
                    throw new ArgumentException($"Measurement {i} of the batch cannot be sent to AppOptics: {problem.Message}", nameof(batch));
                }
            }
        }
    }
}
