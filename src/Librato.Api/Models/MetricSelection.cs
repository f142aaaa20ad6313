using System.Collections.Generic;

namespace Librato.Api
{
    /// <summary>Which metrics a batch update or delete applies to: a list of names, or one wildcard pattern, minus exclusions.</summary>
    public sealed class MetricSelection
    {
        public IList<string> Names { get; set; } = new List<string>();

        /// <summary>One <c>*</c> pattern; used instead of <see cref="Names"/> when set.</summary>
        public string? Pattern { get; set; }

        public IList<string> Exclude { get; set; } = new List<string>();

        public static MetricSelection ByNames(IEnumerable<string> names) => new MetricSelection { Names = new List<string>(names) };

        public static MetricSelection ByPattern(string pattern, IEnumerable<string>? exclude = null) =>
            new MetricSelection { Pattern = pattern, Exclude = new List<string>(exclude ?? new string[0]) };
    }
}
