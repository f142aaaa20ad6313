using System;
using System.Runtime.InteropServices;

namespace Librato.Emulator.Storage;

/// <summary>
/// The points of one series (a metric plus a source, or a metric plus a tag set), sorted by time,
/// at most one point per second.
/// </summary>
/// <remarks>
/// Clients often send one point to each of many series (a source per host, per container, per request), so a series
/// is kept as small as it can be: a series of one point holds it in a field, an array (which doubles) comes with
/// the second point, and there is no separate lock object (the series locks itself; it is never handed outside the
/// storage). Every object a series adds is one more for the collector to trace and copy while submissions run: a
/// list with a lock object made a series of one point five objects, an array from the first point two.
/// </remarks>
internal sealed class Series
{
    /// <summary>The only point while there is no <see cref="points"/> array.</summary>
    private Point single;
    private Point[]? points;
    private int count;

    public Series(string? source, TagSet? tags)
    {
        Source = source;
        Tags = tags;
    }

    /// <summary>The legacy source; null for tagged series and for legacy points without a source.</summary>
    public string? Source { get; }

    /// <summary>The tag set; null for legacy series.</summary>
    public TagSet? Tags { get; }

    public int Count
    {
        get
        {
            lock (this)
            {
                return count;
            }
        }
    }

    /// <summary>The points, in time order; only to be used under the lock.</summary>
    private Span<Point> Points => points is null ? MemoryMarshal.CreateSpan(ref single, count) : points.AsSpan(0, count);

    /// <summary>Stores a point, replacing any point already stored at the same time.</summary>
    public void Upsert(in Point point)
    {
        lock (this)
        {
            if (count == 0)
            {
                single = point;
                count = 1;
                return;
            }

            // Submissions nearly always arrive in time order, so appending or replacing the
            // newest point is the path that has to be cheap.
            var stored = Points;
            if (stored[count - 1].Time < point.Time)
            {
                Insert(count, point);
                return;
            }

            if (stored[count - 1].Time == point.Time)
            {
                stored[count - 1] = point;
                return;
            }

            int index = IndexOf(point.Time);
            if (index >= 0)
            {
                stored[index] = point;
            }
            else
            {
                Insert(~index, point);
            }
        }
    }

    private void Insert(int index, in Point point)
    {
        if (points is null)
        {
            points = new Point[2];
            points[0] = single;
            single = default;
        }
        else if (count == points.Length)
        {
            Array.Resize(ref points, count * 2);
        }

        if (index < count)
        {
            Array.Copy(points, index, points, index + 1, count - index);
        }

        points[index] = point;
        count++;
    }

    /// <summary>Copies the points whose time lies in [start, end].</summary>
    public Point[] Range(long start, long end)
    {
        lock (this)
        {
            var stored = Points;
            int first = IndexOf(start);
            if (first < 0)
            {
                first = ~first;
            }

            int last = first;
            while (last < count && stored[last].Time <= end)
            {
                last++;
            }

            return last == first ? Array.Empty<Point>() : stored[first..last].ToArray();
        }
    }

    /// <summary>The latest point before <paramref name="time"/>, if any.</summary>
    public Point? LastBefore(long time)
    {
        lock (this)
        {
            int index = IndexOf(time);
            int before = (index >= 0 ? index : ~index) - 1;
            return before >= 0 ? Points[before] : null;
        }
    }

    public Point[] All()
    {
        lock (this)
        {
            return Points.ToArray();
        }
    }

    /// <summary>Binary search by time: the index when found, otherwise the complement of the insertion index.</summary>
    private int IndexOf(long time)
    {
        var stored = Points;
        int low = 0;
        int high = count - 1;
        while (low <= high)
        {
            int middle = low + ((high - low) >> 1);
            long middleTime = stored[middle].Time;
            if (middleTime == time)
            {
                return middle;
            }

            if (middleTime < time)
            {
                low = middle + 1;
            }
            else
            {
                high = middle - 1;
            }
        }

        return ~low;
    }
}
