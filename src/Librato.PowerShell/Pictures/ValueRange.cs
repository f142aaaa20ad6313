using System;
using System.Collections.Generic;

namespace Librato.PowerShell.Pictures
{
    /// <summary>The lowest and highest drawable value of a set; empty when none is drawable.</summary>
    public readonly struct ValueRange
    {
        public static readonly ValueRange Empty = new ValueRange(double.NaN, double.NaN, empty: true);

        public ValueRange(double min, double max)
            : this(min, max, empty: false)
        {
        }

        private ValueRange(double min, double max, bool empty)
        {
            Min = min;
            Max = max;
            IsEmpty = empty;
        }

        public double Min { get; }

        public double Max { get; }

        public bool IsEmpty { get; }

        /// <summary>True when there is nothing to scale between: no value, or only one distinct value.</summary>
        public bool IsFlat => IsEmpty || Min == Max;

        public static ValueRange Of(IEnumerable<double> values)
        {
            var min = double.PositiveInfinity;
            var max = double.NegativeInfinity;
            foreach (var value in values)
            {
                if (Sparkline.IsDrawable(value))
                {
                    min = Math.Min(min, value);
                    max = Math.Max(max, value);
                }
            }

            return min > max ? Empty : new ValueRange(min, max);
        }
    }
}
