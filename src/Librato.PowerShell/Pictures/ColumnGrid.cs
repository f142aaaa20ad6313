using System;
using System.Collections.Generic;

namespace Librato.PowerShell.Pictures
{
    /// <summary>
    /// Divides a time window into the columns of a picture. The window is cut into slots of the read's resolution
    /// (aligned to multiples of it, as the API aligns its points); when there are more slots than columns fit, each
    /// column takes the same number of consecutive slots, so every column covers the same stretch of time.
    /// </summary>
    public sealed class ColumnGrid
    {
        public ColumnGrid(long start, long end, int resolution, int maxColumns)
        {
            if (resolution < 1)
            {
                throw new ArgumentOutOfRangeException(nameof(resolution), resolution, "The resolution must be at least one second.");
            }

            if (maxColumns < 1)
            {
                throw new ArgumentOutOfRangeException(nameof(maxColumns), maxColumns, "At least one column is needed.");
            }

            if (end < start)
            {
                throw new ArgumentException("The window ends before it starts.", nameof(end));
            }

            Resolution = resolution;
            Origin = Floor(start, resolution);
            var lastSlot = Floor(end, resolution);
            Slots = (lastSlot - Origin) / resolution + 1;
            SlotsPerColumn = (Slots + maxColumns - 1) / maxColumns;
            Columns = (int)((Slots + SlotsPerColumn - 1) / SlotsPerColumn);
        }

        public int Resolution { get; }

        /// <summary>The start of the first slot, in epoch seconds.</summary>
        public long Origin { get; }

        public long Slots { get; }

        public long SlotsPerColumn { get; }

        public int Columns { get; }

        public long SecondsPerColumn => SlotsPerColumn * Resolution;

        /// <summary>The first second after the last slot.</summary>
        public long End => Origin + Slots * Resolution;

        public long ColumnStart(int column) => Origin + column * SecondsPerColumn;

        /// <summary>The column a time falls in, or -1 outside the window.</summary>
        public int ColumnOf(long time)
        {
            if (time < Origin || time >= End)
            {
                return -1;
            }

            return (int)((time - Origin) / SecondsPerColumn);
        }

        /// <summary>One value per column, combined with <paramref name="function"/>; NaN where a column has no value.</summary>
        public double[] Bucket(IEnumerable<SeriesPoint> points, BucketFunction function)
        {
            var values = new double[Columns];
            var counts = new int[Columns];
            foreach (var point in points)
            {
                var column = ColumnOf(point.Time);
                if (column < 0 || !point.HasValue)
                {
                    continue;
                }

                if (counts[column] == 0)
                {
                    values[column] = point.Value;
                }
                else
                {
                    switch (function)
                    {
                        case BucketFunction.Min:
                            values[column] = Math.Min(values[column], point.Value);
                            break;
                        case BucketFunction.Max:
                            values[column] = Math.Max(values[column], point.Value);
                            break;
                        default:
                            values[column] += point.Value;
                            break;
                    }
                }

                counts[column]++;
            }

            for (var i = 0; i < Columns; i++)
            {
                if (counts[i] == 0)
                {
                    values[i] = double.NaN;
                }
                else if (function == BucketFunction.Mean)
                {
                    values[i] /= counts[i];
                }
            }

            return values;
        }

        private static long Floor(long time, int resolution)
        {
            var rest = time % resolution;
            return rest < 0 ? time - rest - resolution : time - rest;
        }
    }
}
