using System;
using System.Collections.Generic;
using System.Threading;
using System.Threading.Tasks;

namespace Librato.Api
{
    /// <summary>What differs when the client talks to AppOptics: tagged submissions only, at most 1,000 a request.</summary>
    public sealed partial class LibratoClient
    {
        private static void RequireUsableCredentials(LibratoCredentials credentials, LibratoClientOptions options)
        {
            if (options.Api == MetricsApi.Librato && credentials.IsTokenOnly)
            {
                throw new ArgumentException(
                    "Librato authenticates with the account email and the token; token-only credentials are for AppOptics (LibratoClientOptions.Api).",
                    nameof(credentials));
            }
        }

        private void RefuseLegacySubmission()
        {
            if (Options.Api == MetricsApi.AppOptics)
            {
                throw new InvalidOperationException(
                    "AppOptics has no legacy route (POST /v1/metrics): send tagged gauges with SubmitTaggedAsync.");
            }
        }

        /// <summary>
        /// For AppOptics, checks the batch against <see cref="AppOpticsRules"/> and, when it is larger than a request may
        /// carry, sends it in parts; returns null when the caller should send the batch itself in one request.
        /// </summary>
        private async Task<SubmitResult?> SubmitWithinLimitsAsync(
            IReadOnlyList<Measurement> batch, IRequestTrace? trace, RequestPolicy? policy, CancellationToken cancellationToken)
        {
            if (Options.Api != MetricsApi.AppOptics)
            {
                return null;
            }

            AppOpticsRules.RequireSubmittable(batch);
            var limit = Options.MaxBatchSize ?? batch.Count;
            if (batch.Count <= limit)
            {
                return null;
            }

            var accepted = 0;
            var rejected = new List<RejectedMeasurement>();
            for (var offset = 0; offset < batch.Count; offset += limit)
            {
                var part = new List<Measurement>(Math.Min(limit, batch.Count - offset));
                for (var i = offset; i < batch.Count && i < offset + limit; i++)
                {
                    part.Add(batch[i]);
                }

                var result = await SubmitTaggedAsync(part, trace, policy, cancellationToken).ConfigureAwait(false);
                accepted += result.Accepted;
                foreach (var r in result.Rejected)
                {
                    // Positions are reported against the whole batch the caller passed.
                    rejected.Add(new RejectedMeasurement(offset + r.Index, r.Reason));
                }
            }

            return new SubmitResult(accepted, rejected);
        }
    }
}
