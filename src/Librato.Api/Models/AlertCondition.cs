using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;

namespace Librato.Api
{
    /// <summary>
    /// One condition of an alert: a metric (narrowed by source or tags) going above or below a threshold, or
    /// stopping to report. An alert fires only when all of its conditions hold.
    /// </summary>
    public sealed class AlertCondition
    {
        public const string Above = "above";
        public const string Below = "below";
        public const string Absent = "absent";

        /// <summary>The condition's id on the server; null for a condition that has not been saved.</summary>
        public long? Id { get; set; }

        /// <summary><c>above</c>, <c>below</c> or <c>absent</c>.</summary>
        public string Type { get; set; } = Above;

        public string MetricName { get; set; } = string.Empty;

        /// <summary>A legacy source name or <c>*</c> pattern; null means every source.</summary>
        public string? Source { get; set; }

        public IList<AlertConditionTag> Tags { get; set; } = new List<AlertConditionTag>();

        /// <summary>Required for above and below; unused for absent.</summary>
        public double? Threshold { get; set; }

        /// <summary>How each point is reduced to one value (above and below only); the API's default is average.</summary>
        public string? SummaryFunction { get; set; }

        /// <summary>
        /// Seconds the condition must hold (60 to 3600). Optional for above and below, where without it a single
        /// value beyond the threshold fires; required for absent.
        /// </summary>
        public int? Duration { get; set; }

        /// <summary>With the derivative summary: whether a drop counts as a counter reset.</summary>
        public bool? DetectReset { get; set; }

        /// <summary>True when both conditions watch the same thing the same way (type, metric, source and tag filters).</summary>
        public bool IsSameTarget(AlertCondition other)
        {
            if (other == null ||
                !string.Equals(Type, other.Type, StringComparison.OrdinalIgnoreCase) ||
                !string.Equals(MetricName, other.MetricName, StringComparison.OrdinalIgnoreCase) ||
                !string.Equals(NormalSource(Source), NormalSource(other.Source), StringComparison.OrdinalIgnoreCase))
            {
                return false;
            }

            return TagKey(this) == TagKey(other);
        }

        public AlertCondition Clone() => new AlertCondition
        {
            Id = Id,
            Type = Type,
            MetricName = MetricName,
            Source = Source,
            Tags = Tags.Select(t => t.Clone()).ToList(),
            Threshold = Threshold,
            SummaryFunction = SummaryFunction,
            Duration = Duration,
            DetectReset = DetectReset,
        };

        public override string ToString()
        {
            var scope = NormalSource(Source) == null ? string.Empty : " source=" + Source;
            if (Tags.Count > 0)
            {
                scope += " " + string.Join(" ", Tags);
            }

            if (string.Equals(Type, Absent, StringComparison.OrdinalIgnoreCase))
            {
                return $"{MetricName}{scope} absent for {(Duration.HasValue ? DurationText.Format(TimeSpan.FromSeconds(Duration.Value)) : "?")}";
            }

            var threshold = Threshold?.ToString("R", CultureInfo.InvariantCulture) ?? "?";
            var text = $"{MetricName}{scope} {Type} {threshold}";
            var details = new List<string>();
            if (SummaryFunction != null)
            {
                details.Add(SummaryFunction);
            }

            if (Duration.HasValue)
            {
                details.Add("for " + DurationText.Format(TimeSpan.FromSeconds(Duration.Value)));
            }

            return details.Count == 0 ? text : text + " (" + string.Join(", ", details) + ")";
        }

        private static string? NormalSource(string? source) => string.IsNullOrEmpty(source) || source == "*" ? null : source;

        private static string TagKey(AlertCondition c) =>
            string.Join(";", c.Tags
                .Select(t => t.Name.ToLowerInvariant() + "=" + string.Join("|", t.Values.Select(v => v.ToLowerInvariant()).OrderBy(v => v, StringComparer.Ordinal)))
                .OrderBy(k => k, StringComparer.Ordinal));
    }
}
