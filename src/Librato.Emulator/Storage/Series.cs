using System.Collections.Generic;

namespace Librato.Emulator.Storage;

/// <summary>
/// The points of one series (a metric plus a source, or a metric plus a tag set), sorted by time,
/// at most one point per second.
/// </summary>
internal sealed class Series
{
    private readonly object gate = new();
    private readonly List<Point> points = new();

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
            lock (gate)
            {
                return points.Count;
            }
        }
    }

    /// <summary>Stores a point, replacing any point already stored at the same time.</summary>
    public void Upsert(in Point point)
    {
        lock (gate)
        {
            int count = points.Count;
            // Submissions nearly always arrive in time order, so appending or replacing the
            // newest point is the path that has to be cheap.
            if (count == 0 || points[count - 1].Time < point.Time)
            {
                points.Add(point);
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
                points.Insert(~index, point);
            }
        }
    }

    /// <summary>Copies the points whose time lies in [start, end].</summary>
    public Point[] Range(long start, long end)
    {
        lock (gate)
        {
            int first = IndexOf(start);
            if (first < 0)
            {
                first = ~first;
            }

            int last = first;
            while (last < points.Count && points[last].Time <= end)
            {
                last++;
            }

            if (last == first)
            {
                return System.Array.Empty<Point>();
            }

            var copy = new Point[last - first];
            points.CopyTo(first, copy, 0, copy.Length);
            return copy;
        }
    }

    /// <summary>The latest point before <paramref name="time"/>, if any.</summary>
    public Point? LastBefore(long time)
    {
        lock (gate)
        {
            int index = IndexOf(time);
            int before = (index >= 0 ? index : ~index) - 1;
            return before >= 0 ? points[before] : null;
        }
    }

    public Point[] All()
    {
        lock (gate)
        {
            return points.ToArray();
        }
    }

    /// <summary>Binary search by time: the index when found, otherwise the complement of the insertion index.</summary>
    private int IndexOf(long time)
    {
        int low = 0;
        int high = points.Count - 1;
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
