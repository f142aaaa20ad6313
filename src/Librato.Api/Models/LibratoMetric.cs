using System;
using System.Collections.Generic;
using System.Linq;

namespace Librato.Api
{
    /// <summary>A metric's metadata, and its measurements when they were asked for.</summary>
    public sealed class LibratoMetric
    {
        // Kept as these types whatever is assigned, so a CSV cell of either reads as text, not as a type name.
        private IDictionary<string, object?> attributes = new AttributeSet();
        private IList<LibratoMeasurement> measurements = new PointList();

        public string Name { get; set; } = string.Empty;

        public string? DisplayName { get; set; }

        public string? Description { get; set; }

        public string Type { get; set; } = "gauge";

        public int? Period { get; set; }

        public int? SourceLag { get; set; }

        public string? Composite { get; set; }

        public IDictionary<string, object?> Attributes
        {
            get => attributes;
            set => attributes = value as AttributeSet ?? new AttributeSet(value);
        }

        /// <summary>The resolution of <see cref="Measurements"/> in seconds; null when none were read.</summary>
        public int? Resolution { get; set; }

        /// <summary>Measurements read with the metric, ordered by source then time; empty when none were asked for.</summary>
        public IList<LibratoMeasurement> Measurements
        {
            get => measurements;
            set => measurements = value as PointList ?? new PointList(value);
        }

        /// <summary>The newest point's value (a summarized point without one gives its mean, else its last); null with no points.</summary>
        public double? LastValue
        {
            get
            {
                var point = Latest();
                return point == null ? null : point.Value ?? (point.Sum.HasValue && point.Count > 0 ? point.Sum / point.Count : point.Last);
            }
        }

        /// <summary>When the newest point was taken, on this machine's clock; null with no points.</summary>
        public DateTime? LastTime => Latest()?.Time.ToLocalTime();

        /// <summary>How long ago the newest point was taken, to the second; null with no points.</summary>
        public TimeSpan? Age => Latest() is LibratoMeasurement point
            ? TimeSpan.FromSeconds(Math.Round((DateTime.UtcNow - point.Time.ToUniversalTime()).TotalSeconds))
            : (TimeSpan?)null;

        /// <summary>The sources of the points read, in order; empty for tagged points.</summary>
        public IReadOnlyList<string> Sources =>
            new TextList(Measurements.Where(m => m.Source != null).Select(m => m.Source!).Distinct(StringComparer.Ordinal).OrderBy(s => s, StringComparer.Ordinal));

        public override string ToString() => Name;

        // The last of the newest points in the points' order (several series can share the newest time).
        private LibratoMeasurement? Latest()
        {
            LibratoMeasurement? latest = null;
            foreach (var point in Measurements)
            {
                if (latest == null || point.Time >= latest.Time)
                {
                    latest = point;
                }
            }

            return latest;
        }
    }
}
