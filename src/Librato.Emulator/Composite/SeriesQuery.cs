using System.Collections.Generic;

namespace Librato.Emulator.Composite;

/// <summary>
/// The arguments of the <c>s()</c> call a series came from, as written, for the <c>query</c> member of legacy
/// responses: the metric pattern and either a source pattern or a tag filter.
/// </summary>
internal sealed record SeriesQuery(string Metric, string? Source, IReadOnlyList<KeyValuePair<string, string>>? Tags);
