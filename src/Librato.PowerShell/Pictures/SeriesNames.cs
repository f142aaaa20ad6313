using System;
using System.Collections.Generic;
using System.Linq;

namespace Librato.PowerShell.Pictures
{
    /// <summary>
    /// Names for tagged series in a picture: only the tags whose values differ between the series, so
    /// <c>region=us-east</c> and <c>region=eu-west</c> rather than two long tag sets that start alike.
    /// </summary>
    public static class SeriesNames
    {
        /// <param name="tags">Each series' tags; null for a series by source.</param>
        /// <param name="full">Each series' full name, used when the tags cannot tell the series apart more briefly.</param>
        public static IReadOnlyList<string> Distinguishing(IReadOnlyList<IDictionary<string, string>?> tags, IReadOnlyList<string> full)
        {
            if (tags.Count < 2 || tags.Any(t => t == null))
            {
                return full;
            }

            var keys = tags.SelectMany(t => t!.Keys).Distinct(StringComparer.OrdinalIgnoreCase).OrderBy(k => k, StringComparer.Ordinal).ToList();
            string? ValueOf(IDictionary<string, string> set, string key) => set.TryGetValue(key, out var v) ? v : null;
            var differing = keys.Where(k => tags.Select(t => ValueOf(t!, k)).Distinct(StringComparer.Ordinal).Skip(1).Any()).ToList();
            if (differing.Count == 0)
            {
                return full;
            }

            var names = tags.Select(t => string.Join(",", differing.Select(k => k + "=" + (ValueOf(t!, k) ?? "-")))).ToList();
            return names.Distinct(StringComparer.Ordinal).Count() == names.Count ? names : full;
        }
    }
}
