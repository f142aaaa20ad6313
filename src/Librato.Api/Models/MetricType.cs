namespace Librato.Api
{
    /// <summary>The kind of a metric as the API reports it.</summary>
    public enum MetricType
    {
        Gauge,
        Counter,
        Composite,
    }
}
