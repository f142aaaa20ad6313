using System;
using System.Collections.Generic;

namespace Librato.Api
{
    /// <summary>One stored point read back from the API: a legacy point (by source) or a tagged one (by tags).</summary>
    public sealed class LibratoMeasurement
    {
        public string Metric { get; set; } = string.Empty;

        /// <summary>The legacy source; <c>unassigned</c> for points without one; null for tagged points.</summary>
        public string? Source { get; set; }

        /// <summary>The series' tags for tagged points; null for legacy points.</summary>
        public IDictionary<string, string>? Tags { get; set; }

        public DateTime Time { get; set; }

        public double? Value { get; set; }

        public long? Count { get; set; }

        public double? Sum { get; set; }

        public double? Min { get; set; }

        public double? Max { get; set; }

        public double? SumSquares { get; set; }

        public double? Last { get; set; }

        public double? StdDev { get; set; }

        /// <summary>The number of points summarized into this one, when the API says.</summary>
        public long? Rollups { get; set; }

        /// <summary>For the synthetic source <c>all</c>: how many sources it summarizes.</summary>
        public long? Summarized { get; set; }

        public override string ToString() =>
            Metric + " " + (Source ?? string.Empty) + " " + Time.ToString("o") + " " + Value;
    }
}
