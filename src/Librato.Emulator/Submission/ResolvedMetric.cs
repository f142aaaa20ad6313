using Librato.Emulator.Storage;

namespace Librato.Emulator.Submission;

/// <summary>
/// One metric name as a submission uses it: resolved once per request however many measurements name it, with
/// the series it wrote last so that runs of measurements for the same series skip the lookup.
/// </summary>
internal sealed class ResolvedMetric
{
    public ResolvedMetric(string name, Metric? metric)
    {
        Name = name;
        Metric = metric;
    }

    /// <summary>The first spelling in the request, which becomes the metric's name if the request creates it.</summary>
    public string Name { get; }

    /// <summary>The stored metric; null until the request creates it.</summary>
    public Metric? Metric { get; set; }

    /// <summary>Legacy only: the type the request first submitted this name as.</summary>
    public MetricType? RequestType { get; set; }

    /// <summary>Legacy only: whether a type conflict was already reported for this name.</summary>
    public bool ConflictReported { get; set; }

    /// <summary>What identified <see cref="Series"/>: a source string, the no-source marker or a tag set.</summary>
    public object? SeriesKey { get; private set; }

    public Series? Series { get; private set; }

    public Series? CachedSeries(object key) => Series is not null && ReferenceEquals(SeriesKey, key) ? Series : null;

    public void Cache(object key, Series series)
    {
        SeriesKey = key;
        Series = series;
    }

    /// <summary>Forgets the metric and its series, after it was deleted under the request's feet.</summary>
    public void Forget()
    {
        Metric = null;
        SeriesKey = null;
        Series = null;
    }
}
