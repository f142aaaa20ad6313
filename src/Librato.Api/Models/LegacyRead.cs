namespace Librato.Api
{
    /// <summary>One answer to a legacy measurement read, with the time to continue from when it was truncated.</summary>
    public sealed class LegacyRead
    {
        public LegacyRead(LibratoMetric metric, long? nextTime)
        {
            Metric = metric;
            NextTime = nextTime;
        }

        public LibratoMetric Metric { get; }

        /// <summary>Set when the API cut the answer short: read again from this epoch second.</summary>
        public long? NextTime { get; }
    }
}
