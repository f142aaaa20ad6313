namespace Librato.Api
{
    /// <summary>A measurement the API refused although the rest of its batch went in.</summary>
    public sealed class RejectedMeasurement
    {
        public RejectedMeasurement(int index, string reason)
        {
            Index = index;
            Reason = reason;
        }

        /// <summary>The position of the measurement in the batch sent.</summary>
        public int Index { get; }

        public string Reason { get; }
    }
}
