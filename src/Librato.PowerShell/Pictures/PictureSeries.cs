using System;
using System.Collections.Generic;
using System.Linq;
using Librato.Api;

namespace Librato.PowerShell.Pictures
{
    /// <summary>One series of a metric as a picture draws it: its name, the points read, and the values drawn.</summary>
    public sealed class PictureSeries
    {
        public PictureSeries(string label, IReadOnlyList<LibratoMeasurement> points, IReadOnlyList<SeriesPoint> values)
        {
            Label = label;
            Points = points;
            Values = values;
        }

        /// <summary>The source, or the whole tag set as <c>k=v,k2=v2</c>.</summary>
        public string Label { get; }

        public IReadOnlyList<LibratoMeasurement> Points { get; }

        public IReadOnlyList<SeriesPoint> Values { get; }

        public string? Source { get; set; }

        public IDictionary<string, string>? Tags { get; set; }

        /// <summary>
        /// The points of one metric as series in name order, each in time order. A counter's points are running
        /// totals, and what a reader wants to see is how fast it grows: with <paramref name="asChanges"/> each series is
        /// drawn as its change from point to point. Series without any value are left out.
        /// </summary>
        public static List<PictureSeries> From(IEnumerable<LibratoMeasurement> points, bool asChanges) =>
            points
                .GroupBy(SeriesLabel.Of, StringComparer.Ordinal)
                .OrderBy(g => g.Key, StringComparer.Ordinal)
                .Select(g =>
                {
                    var ordered = g.OrderBy(p => p.Time).ToList();
                    var values = asChanges ? Changes(ordered) : ordered.Select(p => new SeriesPoint(EpochTime.FromDateTime(p.Time), p.Value ?? double.NaN)).ToList();
                    return new PictureSeries(g.Key, ordered, values) { Source = ordered[0].Source, Tags = ordered[0].Tags };
                })
                .Where(s => s.Values.Any(v => v.HasValue))
                .ToList();

        /// <summary>The series' names in a picture: of tagged series, only the tags that differ between them.</summary>
        public static IReadOnlyList<string> Names(IReadOnlyList<PictureSeries> series) =>
            SeriesNames.Distinguishing(series.Select(s => s.Tags).ToList(), series.Select(s => s.Label).ToList());

        /// <summary>Each point's value less the one before it; a series' first point has nothing to differ from.</summary>
        private static List<SeriesPoint> Changes(IReadOnlyList<LibratoMeasurement> ordered)
        {
            var values = new List<SeriesPoint>(ordered.Count);
            double? previous = null;
            foreach (var point in ordered)
            {
                var change = SourcePointSummary.ValueOf(point, "derivative", previous);
                previous = point.Value ?? previous;
                if (change.HasValue)
                {
                    values.Add(new SeriesPoint(EpochTime.FromDateTime(point.Time), change.Value));
                }
            }

            return values;
        }
    }
}
