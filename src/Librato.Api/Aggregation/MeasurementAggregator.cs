using System;
using System.Collections.Generic;
using System.Linq;

namespace Librato.Api
{
    /// <summary>
    /// Turns many values per metric into one summary measurement each (count, sum, min, max, sum_squares), with an
    /// optional source or tags, measure time and period. With a period the time is floored to it (the current time
    /// when none is given), so aggregates of the same period land on the same point. Thread-safe.
    /// </summary>
    public sealed class MeasurementAggregator
    {
        private readonly object gate = new object();
        private readonly Dictionary<string, AggregateValue> values = new Dictionary<string, AggregateValue>(StringComparer.OrdinalIgnoreCase);
        private readonly List<string> order = new List<string>();

        public string? Source { get; set; }

        public IDictionary<string, string>? Tags { get; set; }

        /// <summary>Epoch seconds; the submission time when null.</summary>
        public long? MeasureTime { get; set; }

        /// <summary>Seconds to floor the measure time to, and the period sent with each measurement.</summary>
        public int? Period { get; set; }

        /// <summary>How many distinct metrics hold values.</summary>
        public int Count
        {
            get
            {
                lock (gate)
                {
                    return values.Count;
                }
            }
        }

        public void Add(string name, double value)
        {
            if (double.IsNaN(value) || double.IsInfinity(value))
            {
                throw new ArgumentOutOfRangeException(nameof(value), value, $"'{name}' cannot aggregate a value that is not a finite number.");
            }

            lock (gate)
            {
                if (!values.TryGetValue(name, out var aggregate))
                {
                    aggregate = new AggregateValue();
                    values.Add(name, aggregate);
                    order.Add(name);
                }

                aggregate.Add(value);
            }
        }

        /// <summary>The aggregate of one metric, or null when it has no values.</summary>
        public AggregateValue? Get(string name)
        {
            lock (gate)
            {
                return values.TryGetValue(name, out var aggregate) ? aggregate : null;
            }
        }

        /// <summary>The time the measurements carry: the given or current time, floored to the period.</summary>
        public long ResolveTime(long now)
        {
            var time = MeasureTime ?? now;
            return Period.HasValue && Period.Value > 0 ? time - (((time % Period.Value) + Period.Value) % Period.Value) : time;
        }

        /// <summary>One summary measurement per metric, in the order metrics were first added.</summary>
        public IReadOnlyList<Measurement> ToMeasurements(long now)
        {
            var time = ResolveTime(now);
            lock (gate)
            {
                return order.Select(name =>
                {
                    var a = values[name];
                    return new Measurement(name)
                    {
                        Count = a.Count,
                        Sum = a.Sum,
                        Min = a.Min,
                        Max = a.Max,
                        SumSquares = a.SumSquares,
                        Source = Source,
                        Tags = Tags,
                        Time = time,
                        Period = Period,
                    };
                }).ToList();
            }
        }

        /// <summary>Takes the measurements and starts over, so the same values are never handed out twice.</summary>
        public IReadOnlyList<Measurement> Drain(long now)
        {
            lock (gate)
            {
                var result = ToMeasurements(now);
                values.Clear();
                order.Clear();
                return result;
            }
        }
    }
}
