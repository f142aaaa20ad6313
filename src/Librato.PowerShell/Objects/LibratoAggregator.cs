using System;
using System.Collections;
using System.Collections.Generic;
using Librato.Api;

namespace Librato.PowerShell
{
    /// <summary>
    /// Client-side aggregation for scripts (New-LibratoAggregator): many values per metric become one summary
    /// measurement. Pipe it to Send-LibratoMetric (or with -Queue, into a queue), add it to a queue, or call Submit().
    /// Each of these empties it, so the same values are never sent twice.
    /// </summary>
    public sealed class LibratoAggregator
    {
        private readonly object gate = new object();

        internal LibratoAggregator(LibratoSession session, MeasurementAggregator aggregator)
        {
            Session = session;
            Core = aggregator;
        }

        public LibratoSession Session { get; }

        public string? Source => Core.Source;

        public IDictionary<string, string>? Tags => Core.Tags;

        public DateTime? Time => Core.MeasureTime.HasValue ? EpochTime.ToDateTime(Core.MeasureTime.Value) : (DateTime?)null;

        public int? Period => Core.Period;

        /// <summary>How many distinct metrics hold values.</summary>
        public int Count => Core.Count;

        internal MeasurementAggregator Core { get; }

        /// <summary>Adds a value (a number, or text that is one, as piped values are read; never $null).</summary>
        public void Add(string name, object? value)
        {
            var number = InputConversion.ReadValue(value);
            lock (gate)
            {
                Core.Add(Session.MeasurementName(name), number);
            }
        }

        /// <summary>The running aggregate of one metric, or null.</summary>
        public AggregateValue? Get(string name) => Core.Get(Session.MetricName(name));

        /// <summary>What would be sent now, without emptying the aggregator.</summary>
        public IReadOnlyList<Measurement> ToMeasurements() => Core.ToMeasurements(EpochTime.Now());

        /// <summary>Sends the summary measurements now and empties the aggregator; on failure nothing is removed.</summary>
        public void Submit()
        {
            lock (gate)
            {
                var measurements = Core.ToMeasurements(EpochTime.Now());
                if (measurements.Count == 0)
                {
                    return;
                }

                var batcher = new MeasurementBatcher(MeasurementBatcher.DefaultBatchSize);
                var batches = new List<IReadOnlyList<Measurement>>();
                foreach (var m in measurements)
                {
                    TagInheritance.Apply(m, false, Session.DefaultTagLevel);
                    var error = Session.Client.Options.Validator.Validate(m, EpochTime.Now());
                    if (error != null)
                    {
                        throw RefusalText.Refused(error, m);
                    }

                    var full = batcher.Add(m);
                    if (full != null)
                    {
                        batches.Add(full);
                    }
                }

                batches.AddRange(batcher.Drain());
                foreach (var batch in batches)
                {
                    Session.Client.SubmitAsync(batch).GetAwaiter().GetResult();
                }

                Core.Drain(EpochTime.Now());
            }
        }

        /// <summary>Takes the summary measurements out, leaving the aggregator empty.</summary>
        internal IReadOnlyList<Measurement> Drain()
        {
            lock (gate)
            {
                return Core.Drain(EpochTime.Now());
            }
        }

        public override string ToString() => $"{Count} metric(s) aggregated";

        internal static IDictionary<string, string>? ToTags(IDictionary? tags)
        {
            if (!InputConversion.TryTags(tags, out var result))
            {
                throw new ArgumentException("Tags: " + InputConversion.TagsProblem(tags) + ".", nameof(tags));
            }

            return result;
        }
    }
}
