using System;

namespace Librato.Emulator.Storage;

/// <summary>
/// One stored measurement, always kept in summary form so plain values and summaries roll up the same way.
/// </summary>
internal readonly record struct Point(long Time, long Count, double Sum, double Min, double Max, double SumSquares, double Last)
{
    public double Value => Sum / Count;

    public static Point FromValue(long time, double value) =>
        new(time, 1, value, value, value, value * value, value);

    /// <summary>Combines this point with one that comes later in time (rollups walk points in time order).</summary>
    public Point Merge(in Point later) =>
        new(Time, Count + later.Count, Sum + later.Sum, Math.Min(Min, later.Min), Math.Max(Max, later.Max),
            SumSquares + later.SumSquares, later.Last);
}
