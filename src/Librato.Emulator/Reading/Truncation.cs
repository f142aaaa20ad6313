using System;
using System.Collections.Generic;
using Librato.Emulator.Storage;

namespace Librato.Emulator.Reading;

/// <summary>
/// Caps each series of a read at <see cref="MaxPointsPerSeries"/> points so that a follow-up read starting at
/// the returned time neither skips nor repeats a point.
/// </summary>
internal static class Truncation
{
    public const int MaxPointsPerSeries = 100;

    /// <summary>
    /// When any series has more points than the cap, returns T, the earliest first-unreturned time among those
    /// series, and cuts every series to its points before T. Returns null (and changes nothing) otherwise.
    /// </summary>
    public static long? Apply(List<Point[]> series, int max = MaxPointsPerSeries) => Apply(series, static point => point.Time, max);

    /// <inheritdoc cref="Apply(List{Point[]}, int)"/>
    public static long? Apply<T>(List<T[]> series, Func<T, long> timeOf, int max = MaxPointsPerSeries)
    {
        long? next = null;
        foreach (var points in series)
        {
            if (points.Length > max && (next is null || timeOf(points[max]) < next))
            {
                next = timeOf(points[max]);
            }
        }

        if (next is null)
        {
            return null;
        }

        // Cutting every series at T, not just the long ones, is what makes a restart at T exact.
        for (int i = 0; i < series.Count; i++)
        {
            var points = series[i];
            int keep = 0;
            while (keep < points.Length && timeOf(points[keep]) < next)
            {
                keep++;
            }

            series[i] = keep == points.Length ? points : points.AsSpan(0, keep).ToArray();
        }

        return next;
    }
}
