using System.Collections.Generic;
using Librato.Emulator.Storage;

namespace Librato.Emulator.Reading;

/// <summary>
/// Legacy counters are summarized as the deltas between consecutive values, as the API documents: a counter's
/// raw value only grows until it is reset, so its sum across sources or time means nothing.
/// </summary>
internal static class CounterDeltas
{
    /// <summary>
    /// One plain value per point: its increase over the previous point (the point before the window for the first
    /// one; a point with no predecessor has no delta). A decrease means the counter was reset, so the new value
    /// itself is the increase.
    /// </summary>
    public static Point[] From(Point[] points, Point? before)
    {
        var deltas = new List<Point>(points.Length);
        double? previous = before?.Value;
        foreach (var point in points)
        {
            if (previous is { } last)
            {
                double delta = point.Value >= last ? point.Value - last : point.Value;
                deltas.Add(Point.FromValue(point.Time, delta));
            }

            previous = point.Value;
        }

        return deltas.ToArray();
    }
}
