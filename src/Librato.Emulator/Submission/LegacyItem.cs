using Librato.Emulator.Storage;

namespace Librato.Emulator.Submission;

/// <summary>
/// A validated legacy entry, with the top-level defaults already applied. <see cref="Counter"/> and
/// <see cref="Record"/> locate its raw entry, read again only if the entry creates its metric.
/// </summary>
internal readonly record struct LegacyItem(ResolvedMetric Metric, MetricType Type, string? Source, Point Point, long? Period, bool Counter, int Record);
