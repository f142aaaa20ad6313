using System;
using System.Collections;
using System.Collections.Generic;
using Librato.Api;

namespace Librato.PowerShell
{
    /// <summary>
    /// A queue for scripts (New-LibratoQueue): measurements added over time, submitted in batches by
    /// Submit-LibratoQueue, by reaching a count, or by a timer. Safe to add to from parallel runspaces.
    /// </summary>
    public sealed class LibratoQueue : IDisposable
    {
        internal LibratoQueue(LibratoSession session, MeasurementQueue queue)
        {
            Session = session;
            Core = queue;
        }

        public LibratoSession Session { get; }

        public int Count => Core.Count;

        public int BatchSize => Core.Options.BatchSize;

        public int? AutoSubmitCount => Core.Options.AutoSubmitCount;

        public TimeSpan? AutoSubmitInterval => Core.Options.AutoSubmitInterval;

        public IDictionary<string, string>? Tags => Core.Options.Tags;

        public bool InheritTags => Core.Options.InheritTags;

        public IReadOnlyList<Measurement> Pending => Core.Pending;

        /// <summary>Batches the API refused for good; they left the queue and wait here to be inspected.</summary>
        public IReadOnlyList<FailedBatch> Failed => Core.Failed;

        public QueueSubmitResult? LastSubmit => Core.LastSubmit;

        internal MeasurementQueue Core { get; }

        // Values are read as piped values are: a number, or text that is one; $null (an undefined variable) and text
        // such as "1,5" throw instead of being stored as 0 or 15.

        /// <summary>Adds a gauge without a source.</summary>
        public void Add(string name, object? value) => Add(new Measurement(name, InputConversion.ReadValue(value)));

        /// <summary>Adds a gauge with a source.</summary>
        public void Add(string name, object? value, string source) => Add(new Measurement(name, InputConversion.ReadValue(value)) { Source = source });

        /// <summary>Adds a tagged gauge.</summary>
        public void Add(string name, object? value, IDictionary tags) =>
            Add(new Measurement(name, InputConversion.ReadValue(value)) { Tags = LibratoAggregator.ToTags(tags) });

        /// <summary>Adds a gauge at a given time.</summary>
        public void Add(string name, object? value, DateTime time) =>
            Add(new Measurement(name, InputConversion.ReadValue(value)) { Time = EpochTime.FromDateTime(time) });

        public void AddCounter(string name, object? value) => Add(new Measurement(name, InputConversion.ReadValue(value)) { Type = MetricType.Counter });

        public void AddCounter(string name, object? value, string source) =>
            Add(new Measurement(name, InputConversion.ReadValue(value)) { Type = MetricType.Counter, Source = source });

        /// <summary>Adds a measurement; its tags are resolved against the queue's and the session's.</summary>
        public void Add(Measurement measurement)
        {
            measurement.Name = Session.MeasurementName(measurement.Name);
            try
            {
                Core.Add(measurement);
            }
            catch (MeasurementValidationException ex)
            {
                throw RefusalText.Refused(ex.Error, ex.Measurement);
            }
        }

        /// <summary>Adds the aggregator's summary measurements and empties it.</summary>
        public void AddAggregator(LibratoAggregator aggregator)
        {
            foreach (var m in aggregator.Drain())
            {
                Add(m);
            }
        }

        /// <summary>Sends everything queued; see <see cref="MeasurementQueue.SubmitAsync"/>.</summary>
        public QueueSubmitResult Submit() => Core.Submit();

        public void ClearFailed() => Core.ClearFailed();

        /// <summary>Stops the timer; queued measurements stay queued.</summary>
        public void Dispose() => Core.Dispose();

        public override string ToString() => $"{Count} measurement(s) queued";
    }
}
