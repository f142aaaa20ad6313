using System;
using System.Collections.Generic;

namespace Librato.PowerShell.Pictures
{
    /// <summary>
    /// Where an axis puts its labels: values at round steps of 1, 2 or 5 times a power of ten, and times at round
    /// minutes, hours or days of the local clock, so a reader can tell the value of a line at a glance.
    /// </summary>
    public static class AxisScale
    {
        private static readonly long[] TimeSteps =
        {
            60, 120, 300, 600, 900, 1800, 3600, 7200, 10800, 21600, 43200, 86400, 172800, 604800, 2592000,
        };

        /// <summary>
        /// Round values from at or below <paramref name="low"/> to at or above <paramref name="high"/>, at most
        /// <paramref name="maxTicks"/> of them, in ascending order. The first and last are the axis's ends.
        /// </summary>
        public static IReadOnlyList<double> ValueTicks(double low, double high, int maxTicks = 6)
        {
            if (double.IsNaN(low) || double.IsNaN(high) || double.IsInfinity(low) || double.IsInfinity(high) || maxTicks < 2)
            {
                return new[] { low, high };
            }

            if (high <= low)
            {
                high = low + 1;
            }

            var step = NiceStep((high - low) / (maxTicks - 1));
            while (Math.Ceiling(high / step) - Math.Floor(low / step) + 1 > maxTicks)
            {
                step = NiceStep(step * 1.5);
            }

            var first = Math.Floor(low / step);
            var last = Math.Ceiling(high / step);
            var ticks = new List<double>();
            for (var i = first; i <= last; i++)
            {
                // Rounded to the step's precision, so 0.30000000000000004 prints as 0.3.
                ticks.Add(Math.Round(i * step, Math.Max(0, Math.Min(15, -(int)Math.Floor(Math.Log10(step)) + 1))));
            }

            return ticks;
        }

        /// <summary>Times within the window at a round step of the local clock, at most <paramref name="maxLabels"/>.</summary>
        public static IReadOnlyList<long> TimeTicks(long start, long end, int maxLabels = 8)
        {
            var span = Math.Max(1, end - start);
            var step = TimeSteps[TimeSteps.Length - 1];
            foreach (var candidate in TimeSteps)
            {
                if (span / candidate < maxLabels)
                {
                    step = candidate;
                    break;
                }
            }

            // Round in local time: an hourly label sits on the hour where the reader is, whatever the offset.
            var offset = (long)TimeZoneInfo.Local.GetUtcOffset(Api.EpochTime.ToDateTime(start)).TotalSeconds;
            var local = start + offset;
            var firstLocal = (local + step - 1) / step * step;
            var ticks = new List<long>();
            for (var t = firstLocal - offset; t <= end; t += step)
            {
                ticks.Add(t);
            }

            return ticks;
        }

        private static double NiceStep(double rough)
        {
            var power = Math.Pow(10, Math.Floor(Math.Log10(rough)));
            var fraction = rough / power;
            var nice = fraction <= 1 ? 1 : fraction <= 2 ? 2 : fraction <= 5 ? 5 : 10;
            return nice * power;
        }
    }
}
