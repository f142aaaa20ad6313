using System;
using System.Collections.Generic;
using System.Linq;

namespace Librato.Api
{
    /// <summary>A count of points per series where the API has none (tagged reads, composites).</summary>
    public static class PointCount
    {
        /// <summary>The last <paramref name="count"/> points of each series, or the first ones when <paramref name="first"/>.</summary>
        public static List<LibratoMeasurement> Keep(IEnumerable<LibratoMeasurement> points, int count, bool first) =>
            points
                .GroupBy(SeriesLabel.Of, StringComparer.Ordinal)
                .SelectMany(series =>
                {
                    var ordered = series.OrderBy(p => p.Time).ToList();
                    return first ? ordered.Take(count) : ordered.Skip(Math.Max(0, ordered.Count - count));
                })
                .ToList();
    }
}
