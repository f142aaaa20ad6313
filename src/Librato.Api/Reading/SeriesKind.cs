namespace Librato.Api
{
    /// <summary>
    /// The two kinds of series a metric's points can be in: legacy series named by a source
    /// (<c>/v1/metrics</c>), or tagged series named by their tags (<c>/v1/measurements</c>).
    /// </summary>
    public enum SeriesKind
    {
        Sources,
        Tags,
    }
}
