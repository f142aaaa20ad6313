using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;

namespace Librato.Api
{
    /// <summary>
    /// Collects measurements over time and submits them in batches: on demand, when a count is reached, or from a
    /// timer. A batch leaves the queue only once the API accepted it, so a failure midway never sends a batch twice;
    /// batches the API refuses for good move to <see cref="Failed"/>, transient failures leave them queued.
    /// Safe to add to from many threads.
    /// </summary>
    public sealed class MeasurementQueue : IDisposable
    {
        private readonly object gate = new object();
        private readonly SemaphoreSlim submitting = new SemaphoreSlim(1, 1);
        private readonly List<Measurement> legacy = new List<Measurement>();
        private readonly List<Measurement> tagged = new List<Measurement>();
        private readonly List<FailedBatch> failed = new List<FailedBatch>();
        private readonly Timer? timer;
        private int reportedFailures;
        private bool disposed;

        public MeasurementQueue(LibratoClient client, MeasurementQueueOptions? options = null)
        {
            Client = client ?? throw new ArgumentNullException(nameof(client));
            Options = options ?? new MeasurementQueueOptions();
            if (Options.BatchSize < 1 || Options.BatchSize > MeasurementBatcher.MaxBatchSize)
            {
                throw new ArgumentOutOfRangeException(nameof(options), Options.BatchSize, $"A batch holds 1 to {MeasurementBatcher.MaxBatchSize} measurements.");
            }

            if (Options.AutoSubmitInterval.HasValue)
            {
                var interval = Options.AutoSubmitInterval.Value;
                if (interval <= TimeSpan.Zero)
                {
                    throw new ArgumentOutOfRangeException(nameof(options), interval, "The auto-submit interval must be positive.");
                }

                timer = new Timer(_ => SubmitFromTimer(), null, interval, interval);
            }
        }

        public LibratoClient Client { get; }

        public MeasurementQueueOptions Options { get; }

        /// <summary>How many measurements wait to be submitted.</summary>
        public int Count
        {
            get
            {
                lock (gate)
                {
                    return legacy.Count + tagged.Count;
                }
            }
        }

        /// <summary>A snapshot of the queued measurements, legacy first.</summary>
        public IReadOnlyList<Measurement> Pending
        {
            get
            {
                lock (gate)
                {
                    return legacy.Concat(tagged).ToList();
                }
            }
        }

        /// <summary>Every batch the API refused for good since the queue was made (or last cleared).</summary>
        public IReadOnlyList<FailedBatch> Failed
        {
            get
            {
                lock (gate)
                {
                    return failed.ToList();
                }
            }
        }

        /// <summary>The result of the last submission, whoever started it (the timer included).</summary>
        public QueueSubmitResult? LastSubmit { get; private set; }

        /// <summary>Stamps, tags, validates and queues a measurement; may submit when the count is reached.</summary>
        public void Add(Measurement measurement)
        {
            TagInheritance.Apply(measurement, Options.InheritTags, Options.Tags, Options.DefaultTags);
            Enqueue(measurement);
        }

        /// <summary>Queues a measurement whose tags are final; it is stamped and validated first.</summary>
        public void Enqueue(Measurement measurement)
        {
            var now = EpochTime.Now();
            measurement.Time ??= now;
            var error = Client.Options.Validator.Validate(measurement, now);
            if (error != null)
            {
                throw new MeasurementValidationException(error, measurement);
            }

            int count;
            lock (gate)
            {
                ThrowIfDisposed();
                (measurement.IsTagged ? tagged : legacy).Add(measurement);
                count = legacy.Count + tagged.Count;
            }

            if (Options.AutoSubmitCount.HasValue && count >= Options.AutoSubmitCount.Value)
            {
                Submit();
            }
        }

        /// <summary>Queues the aggregator's summary measurements and empties it.</summary>
        public void AddAggregator(MeasurementAggregator aggregator)
        {
            foreach (var m in aggregator.Drain(EpochTime.Now()))
            {
                Add(m);
            }
        }

        public QueueSubmitResult Submit(CancellationToken cancellationToken = default) =>
            SubmitAsync(null, cancellationToken).GetAwaiter().GetResult();

        /// <summary>Sends every queued measurement, batch by batch, until the queue is empty or a transient failure stops it.</summary>
        public async Task<QueueSubmitResult> SubmitAsync(IRequestTrace? trace = null, CancellationToken cancellationToken = default)
        {
            await submitting.WaitAsync(cancellationToken).ConfigureAwait(false);
            try
            {
                return LastSubmit = await SubmitBatchesAsync(trace, cancellationToken).ConfigureAwait(false);
            }
            finally
            {
                submitting.Release();
            }
        }

        /// <summary>Failed batches not handed out by this method before, for a caller that reports them once.</summary>
        public IReadOnlyList<FailedBatch> TakeUnreportedFailures()
        {
            lock (gate)
            {
                var fresh = failed.Skip(reportedFailures).ToList();
                reportedFailures = failed.Count;
                return fresh;
            }
        }

        public void ClearFailed()
        {
            lock (gate)
            {
                failed.Clear();
                reportedFailures = 0;
            }
        }

        /// <summary>Stops the timer. Queued measurements stay in <see cref="Pending"/>; submit them first if they matter.</summary>
        public void Dispose()
        {
            lock (gate)
            {
                disposed = true;
            }

            timer?.Dispose();
        }

        private async Task<QueueSubmitResult> SubmitBatchesAsync(IRequestTrace? trace, CancellationToken cancellationToken)
        {
            var sent = 0;
            var batches = 0;
            var newlyFailed = new List<FailedBatch>();
            LibratoApiException? stoppedBy = null;
            while (true)
            {
                var (list, batch) = PeekBatch();
                if (batch == null)
                {
                    break;
                }

                SubmitResult result;
                try
                {
                    result = await Client.SubmitAsync(batch, trace, cancellationToken).ConfigureAwait(false);
                }
                catch (LibratoApiException ex) when (IsPermanent(ex.Kind))
                {
                    Remove(list!, batch.Count, new FailedBatch(batch, ex.Message, ex), newlyFailed);
                    continue;
                }
                catch (LibratoApiException ex)
                {
                    stoppedBy = ex;
                    break;
                }

                batches++;
                sent += result.Accepted;
                var refused = result.Rejected.Count == 0
                    ? null
                    : new FailedBatch(result.Rejected.Select(r => batch[r.Index]).ToList(), string.Join("; ", result.Rejected.Select(r => r.Reason)), null);
                Remove(list!, batch.Count, refused, newlyFailed);
            }

            return new QueueSubmitResult(sent, batches, newlyFailed, Count, stoppedBy);
        }

        private (List<Measurement>? List, List<Measurement>? Batch) PeekBatch()
        {
            lock (gate)
            {
                var list = legacy.Count > 0 ? legacy : tagged.Count > 0 ? tagged : null;
                return list == null ? (null, null) : (list, list.GetRange(0, Math.Min(Options.BatchSize, list.Count)));
            }
        }

        // Only submissions remove items, and they hold the submit lock, so the first n items are still the batch sent.
        private void Remove(List<Measurement> list, int count, FailedBatch? failure, List<FailedBatch> newlyFailed)
        {
            lock (gate)
            {
                list.RemoveRange(0, count);
                if (failure != null)
                {
                    failed.Add(failure);
                    newlyFailed.Add(failure);
                }
            }
        }

        private void SubmitFromTimer()
        {
            if (Count == 0 || !submitting.Wait(0))
            {
                return;
            }

            try
            {
                LastSubmit = SubmitBatchesAsync(null, CancellationToken.None).GetAwaiter().GetResult();
            }
            catch (Exception)
            {
                // A timer has nobody to throw to; what was not accepted stays queued for the next submission.
            }
            finally
            {
                submitting.Release();
            }
        }

        private void ThrowIfDisposed()
        {
            if (disposed)
            {
                throw new ObjectDisposedException(nameof(MeasurementQueue), "This queue was disposed; create a new one.");
            }
        }

        private static bool IsPermanent(LibratoErrorKind kind) =>
            kind == LibratoErrorKind.InvalidRequest || kind == LibratoErrorKind.Unauthorized ||
            kind == LibratoErrorKind.Forbidden || kind == LibratoErrorKind.NotFound;
    }
}
