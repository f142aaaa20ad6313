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
        // The fields most measurements leave empty (summary statistics, description) live apart, and value, time
        // and period are kept without Nullable's padding: a plain measurement then takes 80 bytes instead of 200,
        // and a send of millions makes that much less garbage. (-Description gives every measurement the holder.)
        private SeldomSetFields? seldom;
        private double value;
        private long time;
        private int period;
        private bool hasValue;
        private bool hasTime;
        private bool hasPeriod;

        public Measurement(string name, double value)
        {
            Name = name;
            Value = value;
        }

        public Measurement(string name)
        {
            Name = name;
        }

        /// <summary>Makes this a new measurement named <paramref name="name"/>, with nothing else set (see <see cref="MeasurementPool"/>).</summary>
        internal void Reset(string name)
        {
            Name = name;
            seldom = null;
            value = 0;
            time = 0;
            period = 0;
            hasValue = false;
            hasTime = false;
            hasPeriod = false;
            Type = MetricType.Gauge;
            Source = null;
            Tags = null;
        }

        public string Name { get; set; }

        /// <summary>The value; null for a summary measurement (Count and Sum set).</summary>
        public double? Value
        {
            get => hasValue ? value : (double?)null;
            set
            {
                hasValue = value.HasValue;
                this.value = value.GetValueOrDefault();
            }
        }

        public MetricType Type { get; set; } = MetricType.Gauge;

        public string? Source { get; set; }

        /// <summary>Tags; null or empty makes this a legacy (source-based) measurement.</summary>
        public IDictionary<string, string>? Tags { get; set; }

        /// <summary>Epoch seconds; stamped when the measurement is taken unless given.</summary>
        public long? Time
        {
            get => hasTime ? time : (long?)null;
            set
            {
                hasTime = value.HasValue;
                time = value.GetValueOrDefault();
            }
        }

        public int? Period
        {
            get => hasPeriod ? period : (int?)null;
            set
            {
                hasPeriod = value.HasValue;
                period = value.GetValueOrDefault();
            }
        }

        public long? Count
        {
            get => seldom?.Count;
            set => Seldom(value.HasValue)?.Count = value;
        }

        public double? Sum
        {
            get => seldom?.Sum;
            set => Seldom(value.HasValue)?.Sum = value;
        }

        public double? Min
        {
            get => seldom?.Min;
            set => Seldom(value.HasValue)?.Min = value;
        }

        public double? Max
        {
            get => seldom?.Max;
            set => Seldom(value.HasValue)?.Max = value;
        }

        public double? SumSquares
        {
            get => seldom?.SumSquares;
            set => Seldom(value.HasValue)?.SumSquares = value;
        }

        public double? Last
        {
            get => seldom?.Last;
            set => Seldom(value.HasValue)?.Last = value;
        }

        public double? StdDev
        {
            get => seldom?.StdDev;
            set => Seldom(value.HasValue)?.StdDev = value;
        }

        /// <summary>Applied by the API only when the metric is created by this measurement.</summary>
        public string? Description
        {
            get => seldom?.Description;
            set => Seldom(value != null)?.Description = value;
        }

        public bool IsTagged => Tags != null && Tags.Count > 0;

        public DateTime? TimeUtc => Time.HasValue ? EpochTime.ToDateTime(Time.Value) : (DateTime?)null;

        /// <summary>
        /// <c>name value @time [source or tags]</c>, the time local with its offset: how a measurement reads in an
        /// error's target or a list of what was not sent.
        /// </summary>
        public override string ToString()
        {
            var what = Value.HasValue
                ? Value.Value.ToString("R", System.Globalization.CultureInfo.InvariantCulture)
                : "count " + Count + " sum " + Sum?.ToString("R", System.Globalization.CultureInfo.InvariantCulture);
            var when = Time.HasValue && EpochTime.IsInRange(Time.Value)
                ? " @" + new DateTimeOffset(EpochTime.ToDateTime(Time.Value)).ToLocalTime().ToString("yyyy-MM-dd HH:mm:ss zzz", System.Globalization.CultureInfo.InvariantCulture)
                : Time.HasValue ? " @" + Time.Value : string.Empty;
            var where = IsTagged ? " [" + string.Join(" ", FormatTags()) + "]" : Source != null ? " [" + Source + "]" : string.Empty;
            return Name + " " + what + when + where;
        }

        /// <summary>The rarely set fields, created on the first value set; null while there are none to clear.</summary>
        private SeldomSetFields? Seldom(bool setting) => seldom ?? (setting ? seldom = new SeldomSetFields() : null);

        private IEnumerable<string> FormatTags()
        {
            foreach (var pair in Tags!)
            {
                yield return pair.Key + "=" + pair.Value;
            }
        }

        private sealed class SeldomSetFields
        {
            public long? Count;
            public double? Sum;
            public double? Min;
            public double? Max;
            public double? SumSquares;
            public double? Last;
            public double? StdDev;
            public string? Description;
        }
    }
}
