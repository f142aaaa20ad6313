using Librato.Emulator.Storage;

namespace Librato.Emulator.Reading;

/// <summary>
/// One entry of a legacy read's <c>measurements</c>: a (rolled-up) point, optionally with the number of records
/// a <c>summarize_time</c> merged (<c>rollups</c>) and the number of sources a <c>group_by</c> combined
/// (<c>summarized</c>).
/// </summary>
internal readonly record struct LegacyRecord(
    long Time, double Value, long Count, double Sum, double Min, double Max, double SumSquares, int? Rollups = null, int? Summarized = null)
{
    public static LegacyRecord From(in Point point, int? rollups = null) =>
        new(point.Time, point.Value, point.Count, point.Sum, point.Min, point.Max, point.SumSquares, rollups);

    /// <summary>The record as a point, so records of several sources can be merged again.</summary>
    public Point ToPoint() => new(Time, Count, Sum, Min, Max, SumSquares, Value);
}
