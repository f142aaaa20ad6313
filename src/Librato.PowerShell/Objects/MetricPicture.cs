using System;
using System.Collections.Generic;
using Librato.Api;

namespace Librato.PowerShell
{
    /// <summary>
    /// One series of a metric as Show-LibratoMetric draws it: the drawing (a sparkline line, or a small chart) with
    /// the numbers behind it, so that it can be shown, captured as text, or inspected.
    /// </summary>
    public sealed class MetricPicture
    {
        internal MetricPicture(string metric, string series, IReadOnlyList<LibratoMeasurement> points)
        {
            Metric = metric;
            Series = series;
            Points = points;
        }

        public string Metric { get; }

        /// <summary>The series' label: its source, or its tags as <c>name=value</c> pairs.</summary>
        public string Series { get; }

        /// <summary>The legacy source; null for a tagged series.</summary>
        public string? Source { get; internal set; }

        /// <summary>The tagged series' tags; null for a legacy series.</summary>
        public IDictionary<string, string>? Tags { get; internal set; }

        /// <summary>The start of the window drawn (UTC).</summary>
        public DateTime StartTime { get; internal set; }

        /// <summary>The end of the window drawn (UTC).</summary>
        public DateTime EndTime { get; internal set; }

        /// <summary>Seconds per point read.</summary>
        public int Resolution { get; internal set; }

        /// <summary>Seconds of the window each column of the drawing covers.</summary>
        public long SecondsPerColumn { get; internal set; }

        /// <summary>The summary function the values are, as asked for; null for the metric's default.</summary>
        public string? SummaryFunction { get; internal set; }

        /// <summary>The metric's short display unit (or its long one when it has no short one); null when it has none.</summary>
        public string? Unit { get; internal set; }

        /// <summary>The points read, in time order.</summary>
        public IReadOnlyList<LibratoMeasurement> Points { get; }

        /// <summary>How many points have a value.</summary>
        public int Count { get; internal set; }

        public double? Min { get; internal set; }

        public double? Max { get; internal set; }

        /// <summary>The value of the latest point.</summary>
        public double? Last { get; internal set; }

        public DateTime? LastTime { get; internal set; }

        /// <summary>The value drawn in each column; NaN where a column has no point.</summary>
        public double[] Columns { get; internal set; } = new double[0];

        /// <summary>The sparkline characters alone, one per column.</summary>
        public string Sparkline { get; internal set; } = string.Empty;

        /// <summary>The drawing as shown: one line with label, sparkline and numbers, or a header line and a chart.</summary>
        public string Picture { get; internal set; } = string.Empty;

        public override string ToString() => Picture;
    }
}
