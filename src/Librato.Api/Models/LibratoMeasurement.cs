using System;
using System.Collections.Generic;

namespace Librato.Api
{
    /// <summary>
    /// One stored point read back from the API: a legacy point (by source) or a tagged one (by tags). The properties
    /// are declared in the order a CSV of points reads best: what, when, how much, then the series and its statistics.
    /// </summary>
    public sealed class LibratoMeasurement
    {
        public string Metric { get; set; } = string.Empty;

        /// <summary>UTC.</summary>
        public DateTime Time { get; set; }

        public double? Value { get; set; }

        /// <summary>The legacy source; <c>unassigned</c> for points without one; null for tagged points.</summary>
        public string? Source { get; set; }

        /// <summary>The series' tags for tagged points (as text <c>k=v;k2=v2</c>); null for legacy points.</summary>
        public IDictionary<string, string>? Tags { get; set; }

        public long? Count { get; set; }

        public double? Sum { get; set; }

        public double? Min { get; set; }

        public double? Max { get; set; }

        public double? Last { get; set; }

        public double? StdDev { get; set; }

        public double? SumSquares { get; set; }

        /// <summary>The number of points summarized into this one, when the API says.</summary>
        public long? Rollups { get; set; }

        /// <summary>For the synthetic source <c>all</c>: how many sources it summarizes.</summary>
        public long? Summarized { get; set; }

        /// <summary><see cref="Time"/> on this machine's clock.</summary>
        public DateTime LocalTime => Time.ToLocalTime();

        /// <summary>The mean of the samples: sum over count for a summarized point, else the value.</summary>
        public double? Mean => Sum.HasValue && Count > 0 ? Sum / Count : Value;

        public override string ToString() =>
            Metric + " " + (Source ?? string.Empty) + " " + Time.ToString("o") + " " + Value;
    }
}
