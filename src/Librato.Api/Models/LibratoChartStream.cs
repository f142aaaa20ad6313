using System.Collections.Generic;
using System.Text;

namespace Librato.Api
{
    /// <summary>
    /// One stream of a chart: a metric (with a source or tag filters) or a composite expression, and how it is
    /// drawn. Every field but <see cref="Metric"/> or <see cref="Composite"/> is optional and null when not set.
    /// </summary>
    public sealed class LibratoChartStream
    {
        /// <summary>Assigned by the API; 0 for a stream not saved yet.</summary>
        public long Id { get; set; }

        /// <summary>gauge, counter or composite, as the API reports it; never sent.</summary>
        public string? Type { get; set; }

        public string? Metric { get; set; }

        /// <summary>A source, <c>*</c>, a wildcard pattern, or <c>%</c> for the space's dynamic source.</summary>
        public string? Source { get; set; }

        public IList<LibratoChartStreamTag>? Tags { get; set; }

        /// <summary>A composite expression; cannot be combined with a metric, source, tags or group function.</summary>
        public string? Composite { get; set; }

        /// <summary>average, sum, min, max or breakout: how the matching series are combined.</summary>
        public string? GroupFunction { get; set; }

        /// <summary>average, sum, min, max or count: how a rolled-up point is summarized.</summary>
        public string? SummaryFunction { get; set; }

        /// <summary>average, sum, min, max or count, for composite streams.</summary>
        public string? DownsampleFunction { get; set; }

        /// <summary>#RRGGBB.</summary>
        public string? Color { get; set; }

        /// <summary>The stream's name in the chart legend.</summary>
        public string? Name { get; set; }

        public string? UnitsShort { get; set; }

        public string? UnitsLong { get; set; }

        public double? Min { get; set; }

        public double? Max { get; set; }

        /// <summary>Seconds between the metric's points, to detect gaps.</summary>
        public int? Period { get; set; }

        /// <summary>An expression in <c>x</c> (the value) and <c>p</c> (the period), such as <c>x/p</c>.</summary>
        public string? TransformFunction { get; set; }

        /// <summary>Draw the stream on a second Y axis.</summary>
        public bool? SplitAxis { get; set; }

        public bool? GapDetection { get; set; }

        /// <summary>The stream's place in the chart.</summary>
        public int? Position { get; set; }

        /// <summary>A copy that is not yet saved (no id, no reported type), to add to another chart.</summary>
        public LibratoChartStream CopyUnsaved()
        {
            var copy = (LibratoChartStream)MemberwiseClone();
            copy.Id = 0;
            copy.Type = null;
            if (Tags != null)
            {
                copy.Tags = new List<LibratoChartStreamTag>();
                foreach (var tag in Tags)
                {
                    copy.Tags.Add(new LibratoChartStreamTag(tag.Name, tag.Values, tag.Grouped, tag.Dynamic));
                }
            }

            return copy;
        }

        public override string ToString()
        {
            if (Composite != null)
            {
                return Composite;
            }

            var text = new StringBuilder(Metric ?? string.Empty);
            if (Source != null)
            {
                text.Append(' ').Append(Source);
            }

            if (Tags != null)
            {
                foreach (var tag in Tags)
                {
                    text.Append(' ').Append(tag);
                }
            }

            return text.ToString();
        }
    }
}
