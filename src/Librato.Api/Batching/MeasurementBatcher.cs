using System;
using System.Collections.Generic;
using System.Runtime.CompilerServices;

namespace Librato.Api
{
    /// <summary>
    /// Splits a stream of measurements into batches per route (legacy and tagged), handing each batch out as soon
    /// as it is full so that memory stays flat whatever the input size.
    /// </summary>
    public sealed class MeasurementBatcher
    {
        /// <summary>The batch size the API recommends for the legacy route, used for both.</summary>
        public const int DefaultBatchSize = 300;

        /// <summary>The API asks for fewer than 1,000 measurements per request.</summary>
        public const int MaxBatchSize = 1000;

        private List<Measurement> legacy;
        private List<Measurement> tagged;

        public MeasurementBatcher(int batchSize = DefaultBatchSize)
        {
            if (batchSize < 1 || batchSize > MaxBatchSize)
            {
                throw new ArgumentOutOfRangeException(nameof(batchSize), batchSize, $"A batch holds 1 to {MaxBatchSize} measurements.");
            }

            BatchSize = batchSize;
            legacy = new List<Measurement>(batchSize);
            tagged = new List<Measurement>(batchSize);
        }

        public int BatchSize { get; }

        /// <summary>How many measurements wait for a batch to fill.</summary>
        public int Pending => legacy.Count + tagged.Count;

        /// <summary>Adds a measurement; returns the batch it completed, or null.</summary>
        [MethodImpl(HotPath.Optimized)]
        public IReadOnlyList<Measurement>? Add(Measurement measurement)
        {
            if (measurement.IsTagged)
            {
                tagged.Add(measurement);
                return tagged.Count >= BatchSize ? Take(ref tagged) : null;
            }

            legacy.Add(measurement);
            return legacy.Count >= BatchSize ? Take(ref legacy) : null;
        }

        /// <summary>Hands out what is left, as at most two partial batches (legacy first).</summary>
        public IEnumerable<IReadOnlyList<Measurement>> Drain()
        {
            if (legacy.Count > 0)
            {
                yield return Take(ref legacy);
            }

            if (tagged.Count > 0)
            {
                yield return Take(ref tagged);
            }
        }

        private List<Measurement> Take(ref List<Measurement> list)
        {
            var full = list;
            list = new List<Measurement>(BatchSize);
            return full;
        }
    }
}
