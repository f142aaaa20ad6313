using System;
using System.Collections.Generic;
using System.Runtime.CompilerServices;

namespace Librato.Api
{
    /// <summary>
    /// Tag precedence, from the most specific level to the least: a measurement's own tags, then the tags of the
    /// queue, aggregator or command that carries it, then the session's default tags. By default the most specific
    /// level that has tags replaces the others entirely, as the API itself treats per-measurement tags; when
    /// inheriting, the levels are merged and the more specific level wins each tag name.
    /// </summary>
    public static class TagInheritance
    {
        /// <summary>
        /// Sets a measurement's tags from its own and the inherited levels (most specific first). Counters keep only
        /// their own tags: they exist on the legacy route alone, so inherited tags would make them unsendable.
        /// </summary>
        [MethodImpl(HotPath.Optimized)]
        public static void Apply(Measurement measurement, bool inherit, params IDictionary<string, string>?[] inherited)
        {
            if (measurement.Type == MetricType.Counter)
            {
                return;
            }

            if (!inherit)
            {
                // The common case, once per measurement: pick a level without building the list of them.
                if (measurement.Tags == null || measurement.Tags.Count == 0)
                {
                    measurement.Tags = Resolve(false, inherited);
                }

                return;
            }

            var levels = new IDictionary<string, string>?[inherited.Length + 1];
            levels[0] = measurement.Tags;
            Array.Copy(inherited, 0, levels, 1, inherited.Length);
            measurement.Tags = Resolve(inherit, levels);
        }

        /// <summary>Resolves the tags of one measurement; <paramref name="levels"/> go from most to least specific.</summary>
        public static IDictionary<string, string>? Resolve(bool inherit, params IDictionary<string, string>?[] levels)
        {
            if (!inherit)
            {
                foreach (var level in levels)
                {
                    if (level != null && level.Count > 0)
                    {
                        return level;
                    }
                }

                return null;
            }

            Dictionary<string, string>? merged = null;
            for (var i = levels.Length - 1; i >= 0; i--)
            {
                var level = levels[i];
                if (level == null || level.Count == 0)
                {
                    continue;
                }

                merged ??= new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
                foreach (var pair in level)
                {
                    merged[pair.Key] = pair.Value;
                }
            }

            return merged;
        }
    }
}
