using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text.Json;

namespace Librato.Api
{
    /// <summary>Compares charts by what they show: ids, the space and the streams' reported types are not compared.</summary>
    public static class ChartComparison
    {
        /// <summary>
        /// The API names of the fields in which <paramref name="desired"/> differs from <paramref name="current"/>
        /// (<c>name</c>, <c>type</c>, <c>min</c>, …, <c>streams</c>); empty when they show the same chart.
        /// </summary>
        public static IReadOnlyList<string> ChangedFields(LibratoChart current, LibratoChart desired)
        {
            if (current == null)
            {
                throw new ArgumentNullException(nameof(current));
            }

            if (desired == null)
            {
                throw new ArgumentNullException(nameof(desired));
            }

            var changed = new List<string>();
            Check(changed, "name", current.Name == desired.Name);
            Check(changed, "type", current.Type == desired.Type);
            Check(changed, "min", current.Min == desired.Min);
            Check(changed, "max", current.Max == desired.Max);
            Check(changed, "label", string.IsNullOrEmpty(current.Label) ? string.IsNullOrEmpty(desired.Label) : current.Label == desired.Label);
            Check(changed, "related_space", current.RelatedSpace == desired.RelatedSpace);
            Check(changed, "use_log_yaxis", current.UseLogYAxis == desired.UseLogYAxis);
            Check(changed, "use_last_value", current.UseLastValue == desired.UseLastValue);
            Check(changed, "thresholds", SameThresholds(current.Thresholds, desired.Thresholds));
            Check(changed, "streams", current.Streams.Select(StreamText).SequenceEqual(desired.Streams.Select(StreamText)));
            return changed;
        }

        /// <summary>The stream as the API would be sent it, without its id: equal texts show the same stream.</summary>
        public static string StreamText(LibratoChartStream stream)
        {
            using (var buffer = new MemoryStream())
            {
                using (var w = new Utf8JsonWriter(buffer))
                {
                    ChartJson.WriteStream(w, stream, withId: false);
                }

                return System.Text.Encoding.UTF8.GetString(buffer.ToArray());
            }
        }

        private static bool SameThresholds(IList<LibratoChartThreshold>? a, IList<LibratoChartThreshold>? b)
        {
            if (a == null || b == null)
            {
                return a == null && b == null;
            }

            return a.Count == b.Count && a.Zip(b, (x, y) => x.Operator == y.Operator && x.Value == y.Value && x.Type == y.Type).All(same => same);
        }

        private static void Check(List<string> changed, string field, bool same)
        {
            if (!same)
            {
                changed.Add(field);
            }
        }
    }
}
