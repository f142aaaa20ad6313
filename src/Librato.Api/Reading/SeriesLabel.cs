using System;
using System.Collections.Generic;
using System.Linq;

namespace Librato.Api
{
    /// <summary>The name of the series a point belongs to: its source, or its tags as <c>k=v,k2=v2</c> in key order.</summary>
    public static class SeriesLabel
    {
        public static string Of(LibratoMeasurement point) => point.Tags != null ? OfTags(point.Tags) : point.Source ?? string.Empty;

        public static string OfTags(IDictionary<string, string>? tags, string separator = ",") =>
            tags == null || tags.Count == 0
                ? "*"
                : string.Join(separator, tags.OrderBy(t => t.Key, StringComparer.Ordinal).Select(t => t.Key + "=" + t.Value));
    }
}
