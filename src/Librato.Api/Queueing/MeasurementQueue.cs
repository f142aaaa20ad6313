using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;

namespace Librato.Api
{
    /// <summary>
    /// Collects measurements over time and submits them in batches: on demand, when a count is reached, or from a
    /// timer. Submissions run on the <see cref="MeasurementSender"/> engine. A measurement leaves the queue only once
    /// the API accepted it, so a failure midway never sends one twice; measurements the API refuses for good move to
    /// <see cref="Failed"/>; a failure that is not the data's (an outage) stops the submission and keeps the rest
    /// queued. With an outbox, every measurement is written there as it is added, so that what this process never
    /// submits is delivered by a later run. Safe to add to from many threads.
    /// </summary>
    public sealed class MeasurementQueue : IDisposable
    {
        private readonly object gate = new object();
        private readonly SemaphoreSlim submitting = new SemaphoreSlim(1, 1);
        private readonly List<FailedBatch> failed = new List<FailedBatch>();
        private readonly ITimer? timer;
        private readonly OutboxJournal? journal;
        private readonly IDisposable exitRegistration;
        private List<Queued> legacy = new List<Queued>();
        private List<Queued> tagged = new List<Queued>();
        private List<Queued> inSubmission = new List<Queued>();
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

            journal = Options.Outbox == null ? null : new OutboxJournal(Options.Outbox, client.Options.TimeProvider);
            exitRegistration = ProcessExitHook.Process.Register(OnProcessExit);
            if (Options.AutoSubmitInterval.HasValue)
            {
                var interval = Options.AutoSubmitInterval.Value;
                if (interval <= TimeSpan.Zero)
                {
                    throw new ArgumentOutOfRangeException(nameof(options), interval, "The auto-submit interval must be positive.");
                }

                timer = client.Options.TimeProvider.CreateTimer(_ => SubmitFromTimer(), null, interval, interval);
            }
        }

        public LibratoClient Client { get; }

        public MeasurementQueueOptions Options { get; }

        /// <summary>How many measurements wait to be submitted (those of a submission on its way included).</summary>
        public int Count
        {
            get
            {
                lock (gate)
                {
                    return inSubmission.Count + legacy.Count + tagged.Count;
                }
            }
        }

        /// <summary>A snapshot of the queued measurements: those of a submission on its way, then legacy, then tagged.</summary>
        public IReadOnlyList<Measurement> Pending
        {
            get
            {
                lock (gate)
                {
                    return inSubmission.Concat(legacy).Concat(tagged).Select(q => q.Measurement).ToList();
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

        /// <summary>The outbox folder queued measurements are written to; null without one.</summary>
        public string? OutboxDirectory => Options.Outbox?.Directory;

        /// <summary>Stamps, tags, validates and queues a measurement; may submit when the count is reached.</summary>
        public void Add(Measurement measurement)
        {
            TagInheritance.Apply(measurement, Options.InheritTags, Options.Tags, Options.DefaultTags);
            Enqueue(measurement);
        }

        /// <summary>Queues a measurement whose tags are final; it is stamped and validated first.</summary>
        public void Enqueue(Measurement measurement)
        {
            var now = Client.Options.TimeProvider.GetUtcNow().ToUnixTimeSeconds();
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
                var written = journal == null ? default : journal.Append(measurement);
                (measurement.IsTagged ? tagged : legacy).Add(new Queued(measurement, written));
                count = inSubmission.Count + legacy.Count + tagged.Count;
            }

            // Once Add returns, the measurement is on disk (with an outbox): no end of the process loses it.
            journal?.Commit();
            if (Options.AutoSubmitCount.HasValue && count >= Options.AutoSubmitCount.Value)
            {
                Submit();
            }
        }

        /// <summary>Queues the aggregator's summary measurements and empties it.</summary>
        public void AddAggregator(MeasurementAggregator aggregator)
        {
            foreach (var m in aggregator.Drain(Client.Options.TimeProvider.GetUtcNow().ToUnixTimeSeconds()))
            {
                Add(m);
            }
        }

        public QueueSubmitResult Submit(CancellationToken cancellationToken = default) =>
            SubmitAsync(null, cancellationToken).GetAwaiter().GetResult();

        /// <summary>Sends every queued measurement, batch by batch, until the queue is empty or a failure stops it.</summary>
        public async Task<QueueSubmitResult> SubmitAsync(IRequestTrace? trace = null, CancellationToken cancellationToken = default)
        {
            await submitting.WaitAsync(cancellationToken).ConfigureAwait(false);
            try
            {
                // The engine waits for room on the calling thread: a pool thread, not the caller's.
                return LastSubmit = await Task.Run(() => SubmitBatches(trace, cancellationToken), cancellationToken).ConfigureAwait(false);
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

        /// <summary>
        /// Stops the timer. Queued measurements stay in <see cref="Pending"/>; with an outbox they also stay there, for
        /// a later run to deliver. Submit them first if they are to go now.
        /// </summary>
        public void Dispose()
        {
            lock (gate)
            {
                if (disposed)
                {
                    return;
                }

                disposed = true;
            }

            timer?.Dispose();
            exitRegistration.Dispose();
            journal?.Close();
        }

        private QueueSubmitResult SubmitBatches(IRequestTrace? trace, CancellationToken cancellationToken)
        {
            List<Queued> batch;
            lock (gate)
            {
                inSubmission = legacy.Concat(tagged).ToList();
                legacy = new List<Queued>();
                tagged = new List<Queued>();
                batch = inSubmission;
            }

            var sent = 0;
            var batches = 0;
            var newlyFailed = new List<FailedBatch>();
            var unsent = new HashSet<Measurement>();
            LibratoApiException? stoppedBy = null;
            var senderOptions = new SenderOptions
            {
                BatchSize = Options.BatchSize,
                ThrottleLimit = Options.ThrottleLimit,
                MaxSendDuration = Options.MaxSendDuration,
                MaxBatchAge = null,
                StopAfterFailure = true,
                Trace = trace,
            };
            var sender = new MeasurementSender(Client, senderOptions, cancellationToken);
            try
            {
                foreach (var q in batch)
                {
                    sender.Add(q.Measurement, q.Written, journal);
                }

                sender.Flush();
                while (sender.WaitForOutcome(cancellationToken))
                {
                    while (sender.TryTakeOutcome(out var outcome))
                    {
                        sent += outcome!.Accepted.Count;
                        batches += outcome.Accepted.Count > 0 ? 1 : 0;
                        if (outcome.Refused.Count > 0)
                        {
                            newlyFailed.Add(ToFailedBatch(outcome.Refused));
                        }

                        foreach (var m in outcome.Unsent)
                        {
                            unsent.Add(m);
                        }

                        stoppedBy ??= outcome.Unsent.Count > 0 ? outcome.Failure : null;
                    }
                }
            }
            catch (OperationCanceledException)
            {
                foreach (var m in sender.Stop())
                {
                    unsent.Add(m);
                }

                throw;
            }
            finally
            {
                sender.Close();
                lock (gate)
                {
                    // What did not go keeps its place, before what was added meanwhile.
                    foreach (var q in batch.Where(q => unsent.Contains(q.Measurement)).Reverse())
                    {
                        (q.Measurement.IsTagged ? tagged : legacy).Insert(0, q);
                    }

                    failed.AddRange(newlyFailed);
                    inSubmission = new List<Queued>();
                }
            }

            return new QueueSubmitResult(sent, batches, newlyFailed, Count, stoppedBy);
        }

        private static FailedBatch ToFailedBatch(IReadOnlyList<MeasurementRefusal> refused)
        {
            var reasons = refused.Select(r => r.Reason).Distinct().ToList();
            return new FailedBatch(refused.Select(r => r.Measurement).ToList(), string.Join("; ", reasons), refused[0].Error);
        }

        private void SubmitFromTimer()
        {
            if (Count == 0 || !submitting.Wait(0))
            {
                return;
            }

            try
            {
                LastSubmit = SubmitBatches(null, CancellationToken.None);
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

        internal void OnProcessExit()
        {
            if (journal != null)
            {
                journal.CloseForExit();
                return;
            }

            var left = Pending;
            if (left.Count > 0)
            {
                Options.ProcessExiting?.Invoke(left);
            }
        }

        private void ThrowIfDisposed()
        {
            if (disposed)
            {
                throw new ObjectDisposedException(nameof(MeasurementQueue), "This queue was disposed; create a new one.");
            }
        }

        private readonly struct Queued
        {
            public Queued(Measurement measurement, JournalRef written)
            {
                Measurement = measurement;
                Written = written;
            }

            public Measurement Measurement { get; }

            public JournalRef Written { get; }
        }
    }
}
