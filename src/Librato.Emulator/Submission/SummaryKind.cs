namespace Librato.Emulator.Submission;

/// <summary>Which summary fields a kind of measurement may carry besides count and sum.</summary>
internal enum SummaryKind
{
    /// <summary>Legacy counters: a plain value only.</summary>
    None,

    /// <summary>Legacy gauges: min, max, sum_squares.</summary>
    Legacy,

    /// <summary>Tagged measurements: min, max, last, stddev.</summary>
    Tagged,
}
