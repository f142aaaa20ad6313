using System.Collections.Generic;
using System.Globalization;
using System.Linq;

namespace Librato.Emulator.Tests.Support;

/// <summary>Entries of a legacy <c>gauges</c> or <c>counters</c> array, for tests that submit known points.</summary>
public static class LegacyEntries
{
    /// <summary>One entry per point, comma-separated, with <c>source</c> on each when given.</summary>
    public static string Of(string name, string? source, IEnumerable<(long Time, double Value)> points)
    {
        string sourceJson = source is null ? string.Empty : $",\"source\":\"{source}\"";
        return string.Join(",", points.Select(p =>
            $$"""{"name":"{{name}}","value":{{p.Value.ToString(CultureInfo.InvariantCulture)}},"measure_time":{{p.Time}}{{sourceJson}} }"""));
    }
}
