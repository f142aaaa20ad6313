using System;
using System.Collections.Generic;

namespace Librato.Api
{
    /// <summary>
    /// One measurement to submit. A measurement with tags goes to the tagged route
    /// (<c>POST /v1/measurements</c>); one without goes to the legacy route (<c>POST /v1/metrics</c>).
    /// A tagged measurement that also has a source sends it as the tag <c>source</c>, unless its tags have one.
    /// </summary>
    public sealed class Measurement
    {
        // The summary fields live apart: a plain value measurement (nearly all of them) then takes half the memory,
        // and a send of millions makes that much less garbage.
        private SummaryFields? summary;

        public Measurement(string name, double value)
        {
            Name = name;
            Value = value;
        }

        public Measurement(string name)
        {
            Name = name;
        }

        public string Name { get; set; }

        /// <summary>The value; null for a summary measurement (Count and Sum set).</summary>
        public double? Value { get; set; }

        public MetricType Type { get; set; } = MetricType.Gauge;

        public string? Source { get; set; }

        /// <summary>Tags; null or empty makes this a legacy (source-based) measurement.</summary>
        public IDictionary<string, string>? Tags { get; set; }

        /// <summary>Epoch seconds; stamped when the measurement is taken unless given.</summary>
        public long? Time { get; set; }

        public int? Period { get; set; }

        public long? Count
        {
            get => summary?.Count;
            set => Summary(value.HasValue)?.Count = value;
        }

        public double? Sum
        {
            get => summary?.Sum;
            set => Summary(value.HasValue)?.Sum = value;
        }

        public double? Min
        {
            get => summary?.Min;
            set => Summary(value.HasValue)?.Min = value;
        }

        public double? Max
        {
            get => summary?.Max;
            set => Summary(value.HasValue)?.Max = value;
        }

        public double? SumSquares
        {
            get => summary?.SumSquares;
            set => Summary(value.HasValue)?.SumSquares = value;
        }

        public double? Last
        {
            get => summary?.Last;
            set => Summary(value.HasValue)?.Last = value;
        }

        public double? StdDev
        {
            get => summary?.StdDev;
            set => Summary(value.HasValue)?.StdDev = value;
        }

        /// <summary>Applied by the API only when the metric is created by this measurement.</summary>
        public string? Description { get; set; }

        public bool IsTagged => Tags != null && Tags.Count > 0;

        public DateTime? TimeUtc => Time.HasValue ? EpochTime.ToDateTime(Time.Value) : (DateTime?)null;

        public override string ToString()
        {
            var where = IsTagged ? "{" + string.Join(",", FormatTags()) + "}" : Source ?? "unassigned";
            var what = Value.HasValue
                ? Value.Value.ToString("R", System.Globalization.CultureInfo.InvariantCulture)
                : "count=" + Count + ",sum=" + Sum?.ToString("R", System.Globalization.CultureInfo.InvariantCulture);
            return Name + " " + where + " " + what + (Time.HasValue ? " @" + Time.Value : string.Empty);
        }

        /// <summary>The summary fields, created on the first value set; null while there are none to clear.</summary>
        private SummaryFields? Summary(bool setting) => summary ?? (setting ? summary = new SummaryFields() : null);

        private IEnumerable<string> FormatTags()
        {
            foreach (var pair in Tags!)
            {
                yield return pair.Key + "=" + pair.Value;
            }
        }
    
        private sealed class SummaryFields
        {
            public long? Count;
            public double? Sum;
            public double? Min;
            public double? Max;
            public double? SumSquares;
            public double? Last;
            public double? StdDev;
        }
    }
}
