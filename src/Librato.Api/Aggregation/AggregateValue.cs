using System;

namespace Librato.Api
{
    /// <summary>Running count, sum, min, max and sum of squares of one metric's values.</summary>
    public sealed class AggregateValue
    {
        public long Count { get; private set; }

        public double Sum { get; private set; }

        public double Min { get; private set; } = double.PositiveInfinity;

        public double Max { get; private set; } = double.NegativeInfinity;

        public double SumSquares { get; private set; }

        /// <summary>The mean, which the API derives as the value of a summary measurement.</summary>
        public double Mean => Count == 0 ? 0 : Sum / Count;

        public void Add(double value)
        {
            Count++;
            Sum += value;
            SumSquares += value * value;
            Min = Math.Min(Min, value);
            Max = Math.Max(Max, value);
        }
    }
}
