using System;
using System.Collections.Generic;

namespace Librato.Api
{
    /// <summary>
    /// What to change on a chart (<c>PUT /v1/spaces/:id/charts/:chart_id</c>). What is left null is left as it is;
    /// a field named in <see cref="Clear"/> is sent as null, which removes it. <see cref="Streams"/>, when set,
    /// replace all the chart's streams.
    /// </summary>
    public sealed class ChartUpdate
    {
        /// <summary>The API names of the optional chart fields, the ones <see cref="Clear"/> may name.</summary>
        public static readonly IReadOnlyList<string> OptionalFields = new[]
        {
            "min", "max", "label", "related_space", "thresholds", "use_log_yaxis", "use_last_value",
        };

        public string? Name { get; set; }

        public string? Type { get; set; }

        public IList<LibratoChartStream>? Streams { get; set; }

        public double? Min { get; set; }

        public double? Max { get; set; }

        public string? Label { get; set; }

        public long? RelatedSpace { get; set; }

        public IList<LibratoChartThreshold>? Thresholds { get; set; }

        public bool? UseLogYAxis { get; set; }

        public bool? UseLastValue { get; set; }

        /// <summary>Optional fields (by API name, see <see cref="OptionalFields"/>) to send as null.</summary>
        public ISet<string> Clear { get; } = new HashSet<string>(StringComparer.Ordinal);

        /// <summary>Send the ids of <see cref="Streams"/> so that the streams the chart already has keep theirs.</summary>
        public bool KeepStreamIds { get; set; }

        public bool IsEmpty =>
            Name == null && Type == null && Streams == null && !Min.HasValue && !Max.HasValue && Label == null &&
            !RelatedSpace.HasValue && Thresholds == null && !UseLogYAxis.HasValue && !UseLastValue.HasValue && Clear.Count == 0;

        /// <summary>
        /// An update that makes a chart exactly <paramref name="chart"/>: every field is sent, and the optional
        /// fields it does not set are cleared.
        /// </summary>
        public static ChartUpdate Replacing(LibratoChart chart, bool keepStreamIds)
        {
            var update = new ChartUpdate
            {
                Name = chart.Name,
                Type = chart.Type,
                Streams = new List<LibratoChartStream>(chart.Streams),
                Min = chart.Min,
                Max = chart.Max,
                Label = chart.Label,
                RelatedSpace = chart.RelatedSpace,
                Thresholds = chart.Thresholds,
                UseLogYAxis = chart.UseLogYAxis,
                UseLastValue = chart.UseLastValue,
                KeepStreamIds = keepStreamIds,
            };
            ClearIfUnset(update, "min", chart.Min.HasValue);
            ClearIfUnset(update, "max", chart.Max.HasValue);
            ClearIfUnset(update, "label", !string.IsNullOrEmpty(chart.Label));
            ClearIfUnset(update, "related_space", chart.RelatedSpace.HasValue);
            ClearIfUnset(update, "thresholds", chart.Thresholds != null);
            ClearIfUnset(update, "use_log_yaxis", chart.UseLogYAxis.HasValue);
            ClearIfUnset(update, "use_last_value", chart.UseLastValue.HasValue);
            return update;
        }

        /// <summary>
        /// An update that sets only <paramref name="fields"/> (API names, as <see cref="ChartComparison.ChangedFields"/>
        /// lists them) to their values in <paramref name="desired"/>, clearing those it does not set.
        /// </summary>
        public static ChartUpdate For(LibratoChart desired, IEnumerable<string> fields)
        {
            var update = new ChartUpdate();
            foreach (var field in fields)
            {
                switch (field)
                {
                    case "name": update.Name = desired.Name; break;
                    case "type": update.Type = desired.Type; break;
                    case "streams": update.Streams = new List<LibratoChartStream>(desired.Streams); break;
                    case "min": update.Min = desired.Min; ClearIfUnset(update, field, desired.Min.HasValue); break;
                    case "max": update.Max = desired.Max; ClearIfUnset(update, field, desired.Max.HasValue); break;
                    case "label": update.Label = desired.Label; ClearIfUnset(update, field, !string.IsNullOrEmpty(desired.Label)); break;
                    case "related_space": update.RelatedSpace = desired.RelatedSpace; ClearIfUnset(update, field, desired.RelatedSpace.HasValue); break;
                    case "thresholds": update.Thresholds = desired.Thresholds; ClearIfUnset(update, field, desired.Thresholds != null); break;
                    case "use_log_yaxis": update.UseLogYAxis = desired.UseLogYAxis; ClearIfUnset(update, field, desired.UseLogYAxis.HasValue); break;
                    case "use_last_value": update.UseLastValue = desired.UseLastValue; ClearIfUnset(update, field, desired.UseLastValue.HasValue); break;
                    default: throw new ArgumentException($"'{field}' is not a chart field.", nameof(fields));
                }
            }

            return update;
        }

        private static void ClearIfUnset(ChartUpdate update, string field, bool isSet)
        {
            if (!isSet)
            {
                update.Clear.Add(field);
            }
        }
    }
}
