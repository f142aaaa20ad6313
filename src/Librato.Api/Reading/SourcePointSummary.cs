using System;

namespace Librato.Api
{
    /// <summary>
    /// The value of a point by source for a summary function. The API sends every statistic of such a point
    /// (count, sum, min, max, sum of squares) and leaves the choice to the reader; tagged reads ask the API instead.
    /// </summary>
    public static class SourcePointSummary
    {
        /// <summary>
        /// The point's value for <paramref name="function"/> (null or mean: the API's value). A derivative is the
        /// value minus <paramref name="previous"/>, the series' value before it, and null for a series' first point.
        /// </summary>
        public static double? ValueOf(LibratoMeasurement point, string? function, double? previous)
        {
            switch (function)
            {
                case "sum": return point.Sum ?? point.Value;
                case "min": return point.Min ?? point.Value;
                case "max": return point.Max ?? point.Value;
                case "count": return point.Count;
                case "stddev": return StandardDeviation(point);
                case "derivative": return previous.HasValue && point.Value.HasValue ? point.Value - previous : null;
                default: return point.Value;
            }
        }

        /// <summary>The population standard deviation of a point's samples, from its count, sum and sum of squares.</summary>
        public static double? StandardDeviation(LibratoMeasurement point)
        {
            if (!point.Count.HasValue || point.Count.Value == 0 || !point.Sum.HasValue || !point.SumSquares.HasValue)
            {
                return null;
            }

            var mean = point.Sum.Value / point.Count.Value;
            return Math.Sqrt(Math.Max(0, point.SumSquares.Value / point.Count.Value - mean * mean));
        }
    }
}
