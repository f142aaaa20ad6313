using System.Collections.Generic;
using Librato.Emulator.Storage;

namespace Librato.Emulator.Reading;

/// <summary>Downsamples time-ordered points into buckets that start at multiples of the resolution.</summary>
internal static class Rollup
{
    public static Point[] Apply(Point[] points, long resolution)
    {
        if (resolution <= 1 || points.Length == 0)
        {
            return points;
        }

        var buckets = new List<Point>();
        foreach (var point in points)
        {
            long bucket = FloorTo(point.Time, resolution);
            if (buckets.Count > 0 && buckets[^1].Time == bucket)
            {
                buckets[^1] = buckets[^1].Merge(point);
            }
            else
            {
                buckets.Add(point with { Time = bucket });
            }
        }

        return buckets.ToArray();
    }

    public static long FloorTo(long time, long resolution)
    {
        long remainder = time % resolution;
        return remainder < 0 ? time - remainder - resolution : time - remainder;
    }
}
