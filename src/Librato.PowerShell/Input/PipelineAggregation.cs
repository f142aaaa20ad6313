using System;
using System.Collections.Generic;
using System.Linq;
using Librato.Api;

namespace Librato.PowerShell
{
    /// <summary>
    /// Send-LibratoMetric -Aggregate: values grouped by metric, source and tags (and, with a period, by the period
    /// their time falls in) become one summary measurement per group.
    /// </summary>
    internal sealed class PipelineAggregation
    {
        private readonly int? period;
        private readonly Dictionary<string, (Measurement Template, AggregateValue Values)> groups =
            new Dictionary<string, (Measurement, AggregateValue)>(StringComparer.OrdinalIgnoreCase);

        public PipelineAggregation(int? period)
        {
            this.period = period;
        }

        /// <summary>Adds a measurement's value; false when it has none (a summary cannot be re-aggregated).</summary>
        public bool Add(Measurement m)
        {
            if (!m.Value.HasValue || double.IsNaN(m.Value.Value) || double.IsInfinity(m.Value.Value))
            {
                return false;
            }

            long? bucket = period.HasValue ? m.Time!.Value - (((m.Time.Value % period.Value) + period.Value) % period.Value) : (long?)null;
            var key = string.Join("\u0001", m.Name, m.Type, m.Source ?? string.Empty, TagKey(m.Tags), bucket?.ToString() ?? string.Empty);
            if (!groups.TryGetValue(key, out var group))
            {
                group = (new Measurement(m.Name) { Type = m.Type, Source = m.Source, Tags = m.Tags, Time = bucket, Period = period, Description = m.Description }, new AggregateValue());
                groups.Add(key, group);
            }

            group.Values.Add(m.Value.Value);
            return true;
        }

        /// <summary>One summary measurement per group; groups without a period take <paramref name="time"/>.</summary>
        public IEnumerable<Measurement> Measurements(long time)
        {
            foreach (var (template, values) in groups.Values)
            {
                template.Time ??= time;
                if (template.Type == MetricType.Counter)
                {
                    // Counters have no summary form; an absolute counter only grows, so its largest reading is its latest.
                    template.Value = values.Max;
                }
                else
                {
                    template.Count = values.Count;
                    template.Sum = values.Sum;
                    template.Min = values.Min;
                    template.Max = values.Max;
                    template.SumSquares = values.SumSquares;
                }

                yield return template;
            }
        }

        private static string TagKey(IDictionary<string, string>? tags) =>
            tags == null ? string.Empty : string.Join(",", tags.OrderBy(t => t.Key, StringComparer.OrdinalIgnoreCase).Select(t => t.Key + "=" + t.Value));
    }
}
