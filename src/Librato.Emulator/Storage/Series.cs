using System;

namespace Librato.Emulator.Storage;

/// <summary>
/// The points of one series (a metric plus a source, or a metric plus a tag set), sorted by time,
/// at most one point per second.
/// </summary>
/// <remarks>
/// Clients often send one point to each of many series (a source per host, per container, per request), so a series
/// is kept as small as it can be: its own array, which starts with room for one point and doubles, and no separate
/// lock object (the series locks itself; it is never handed outside the storage). A list with its default room for
/// four points and a lock object made a series with one point three times the size.
/// </remarks>
internal sealed class Series
{
    private Point[] points = new Point[1];
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

    /// <summary>Stores a point, replacing any point already stored at the same time.</summary>
    public void Upsert(in Point point)
    {
        lock (this)
        {
            // Submissions nearly always arrive in time order, so appending or replacing the
            // newest point is the path that has to be cheap.
            if (count == 0 || points[count - 1].Time < point.Time)
            {
                Insert(count, point);
                return;
            }

            if (points[count - 1].Time == point.Time)
            {
                points[count - 1] = point;
                return;
            }

            int index = IndexOf(point.Time);
            if (index >= 0)
            {
                points[index] = point;
            }
            else
            {
                Insert(~index, point);
            }
        }
    }

    private void Insert(int index, in Point point)
    {
        if (count == points.Length)
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
            int first = IndexOf(start);
            if (first < 0)
            {
                first = ~first;
            }

            int last = first;
            while (last < count && points[last].Time <= end)
            {
                last++;
            }

            if (last == first)
            {
                return Array.Empty<Point>();
            }

            var copy = new Point[last - first];
            Array.Copy(points, first, copy, 0, copy.Length);
            return copy;
        }
    }

    /// <summary>The latest point before <paramref name="time"/>, if any.</summary>
    public Point? LastBefore(long time)
    {
        lock (this)
        {
            int index = IndexOf(time);
            int before = (index >= 0 ? index : ~index) - 1;
            return before >= 0 ? points[before] : null;
        }
    }

    public Point[] All()
    {
        lock (this)
        {
            return points.AsSpan(0, count).ToArray();
        }
    }

    /// <summary>Binary search by time: the index when found, otherwise the complement of the insertion index.</summary>
    private int IndexOf(long time)
    {
        int low = 0;
        int high = count - 1;
        while (low <= high)
        {
            int middle = low + ((high - low) >> 1);
            long middleTime = points[middle].Time;
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
