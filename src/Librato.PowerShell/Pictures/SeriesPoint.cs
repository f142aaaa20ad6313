namespace Librato.PowerShell.Pictures
{
    /// <summary>One point of a series to draw: its time in epoch seconds and its value (NaN for a missing value).</summary>
    public readonly struct SeriesPoint
    {
        public SeriesPoint(long time, double value)
        {
            Time = time;
            Value = value;
        }

        public long Time { get; }

        public double Value { get; }

        public bool HasValue => !double.IsNaN(Value) && !double.IsInfinity(Value);

        public override string ToString() => Time + "=" + Value;
    }
}
