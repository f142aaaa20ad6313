using System;
using System.Collections.Generic;

namespace Librato.PowerShell.Pictures
{
    /// <summary>What a picture prints beside a series: how many points have a value, the lowest, the highest and the latest.</summary>
    public sealed class SeriesStatistics
    {
        private SeriesStatistics(int count, double min, double max, double last, long lastTime)
        {
            Count = count;
            Min = min;
            Max = max;
            Last = last;
            LastTime = lastTime;
        }

        public int Count { get; }

        public double Min { get; }

        public double Max { get; }

        /// <summary>The value of the point with the latest time.</summary>
        public double Last { get; }

        public long LastTime { get; }

        /// <summary>The statistics of the points that have a value; null when none has.</summary>
        public static SeriesStatistics? Of(IEnumerable<SeriesPoint> points)
        {
            var count = 0;
            var min = double.PositiveInfinity;
            var max = double.NegativeInfinity;
            var last = double.NaN;
            var lastTime = long.MinValue;
            foreach (var point in points)
            {
                if (!point.HasValue)
                {
                    continue;
                }

                count++;
                min = Math.Min(min, point.Value);
                max = Math.Max(max, point.Value);
                if (point.Time >= lastTime)
                {
                    lastTime = point.Time;
                    last = point.Value;
                }
            }

            return count == 0 ? null : new SeriesStatistics(count, min, max, last, lastTime);
        }
    }
}
