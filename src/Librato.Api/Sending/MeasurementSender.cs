using System;
using System.Collections.Generic;
using System.Runtime.CompilerServices;
using System.Threading;

namespace Librato.Api
{
    /// <summary>
    /// The one engine that sends measurements. It batches them per route as they are handed over; keeps up to
    /// <see cref="SenderOptions.ThrottleLimit"/> batches on their way, values of one point in order; checks every
    /// answer (see <see cref="BatchSubmission"/>); with an outbox, writes each measurement ahead before its batch is
    /// sent and acknowledges it once delivered, and delivers what earlier runs left there; bounds the time a run
    /// spends on failures (<see cref="SendBudget"/>); and when stopped, or when the process is told to end, leaves
    /// everything unsent in the outbox or hands it back. Outcomes come back in the order batches were dispatched.
    /// <para>
    /// One thread hands measurements over (<see cref="Add(Measurement)"/>, <see cref="Commit"/>, <see cref="Flush"/>)
    /// and takes outcomes; requests, a timer for batches left waiting, and <see cref="Stop"/> may run on others.
    /// </para>
    /// </summary>
    public sealed class MeasurementSender : IDisposable
    {
        private readonly object gate = new object();
        private readonly LibratoClient client;
        private readonly SenderOptions options;
        private readonly TimeProvider clock;
        private readonly BatchDispatcher dispatcher;
        private readonly OutboxJournal? journal;
        private readonly Route legacy;
        private readonly Route tagged;
        private readonly List<PendingBatch> starting = new List<PendingBatch>();
        private readonly Queue<SenderNotice> notices = new Queue<SenderNotice>();
        private readonly IDisposable exitRegistration;
        private readonly ITimer? ageTimer;
        private long deliveredFromOutbox;
        private bool stopped;
        private bool disposed;

        public MeasurementSender(LibratoClient client, SenderOptions options, CancellationToken cancellation = default)
        {
            this.client = client ?? throw new ArgumentNullException(nameof(client));
            this.options = options ?? throw new ArgumentNullException(nameof(options));
            if (options.BatchSize < 1 || options.BatchSize > MeasurementBatcher.MaxBatchSize)
            {
                throw new ArgumentOutOfRangeException(nameof(options), options.BatchSize, $"A batch holds 1 to {MeasurementBatcher.MaxBatchSize} measurements.");
            }

            if (options.ThrottleLimit < 1)
            {
                throw new ArgumentOutOfRangeException(nameof(options), options.ThrottleLimit, "At least one batch must be allowed on its way.");
            }

            clock = client.Options.TimeProvider;
            Budget = new SendBudget(clock, options.MaxSendDuration, options.StopAfterFailure);
            dispatcher = new BatchDispatcher(client, Budget, options.ThrottleLimit, options.Trace, Settle, cancellation);
            journal = options.Outbox == null ? null : new OutboxJournal(options.Outbox, clock);
            legacy = new Route(options.BatchSize);
            tagged = new Route(options.BatchSize);
            exitRegistration = options.ExitHook.Register(OnProcessExit);
            if (options.MaxBatchAge is TimeSpan age && age > TimeSpan.Zero)
            {
                var period = TimeSpan.FromTicks(Math.Max(age.Ticks / 2, TimeSpan.TicksPerMillisecond));
                ageTimer = clock.CreateTimer(_ => SendAged(), null, period, period);
            }
        }

        public LibratoClient Client => client;

        public SenderOptions Options => options;

        /// <summary>The outbox's directory when there is one.</summary>
        public string? OutboxDirectory => options.Outbox?.Directory;

        /// <summary>Measurements handed over and not yet in a batch on its way.</summary>
        public int Waiting
        {
            get
            {
                lock (gate)
                {
                    var count = legacy.Items.Count + tagged.Items.Count;
                    foreach (var b in starting)
                    {
                        count += b.Items.Count;
                    }

                    return count;
                }
            }
        }

        /// <summary>Batches dispatched whose outcome has not been taken.</summary>
        public int Dispatched => dispatcher.Count;

        /// <summary>Whether an outcome can be taken without waiting.</summary>
        public bool HasOutcome => dispatcher.HasOutcome;

        internal SendBudget Budget { get; }

        /// <summary>Measurements delivered from the outbox so far by <see cref="DeliverOutbox"/> (for progress, from any thread).</summary>
        public long DeliveredFromOutbox => Interlocked.Read(ref deliveredFromOutbox);

        /// <summary>The failure that stopped this run for good (credentials, certificate, proxy), if one did.</summary>
        public LibratoApiException? StoppedBy => Budget.StoppedBy;

        /// <summary>
        /// Hands a measurement over; with an outbox it is written ahead (durable after <see cref="Commit"/>). Waits on the
        /// caller's thread while the batch it completes has no room (<see cref="OperationCanceledException"/> when the
        /// sender is stopped meanwhile: the batch is then handed back by <see cref="Stop"/>). Returns false when the
        /// sender was stopped before: the measurement was not taken (with an outbox it waits there all the same).
        /// </summary>
        [MethodImpl(HotPath.Optimized)]
        public bool Add(Measurement measurement)
        {
            var written = journal == null ? default : journal.Append(measurement);
            return Add(measurement, written, journal);
        }

        /// <summary>Hands over a measurement already in the outbox (a queue's, or one being delivered).</summary>
        internal bool Add(Measurement measurement, JournalRef written, IOutboxAcknowledger? acknowledger)
        {
            PendingBatch? full;
            lock (gate)
            {
                ThrowIfDisposed();
                if (stopped)
                {
                    return false;
                }

                var route = measurement.IsTagged ? tagged : legacy;
                full = route.Add(measurement, written, acknowledger, clock.GetTimestamp());
                if (full != null)
                {
                    starting.Add(full);
                }
            }

            if (full != null)
            {
                // On disk before its batch is sent: an answer acknowledges only what a later run would find.
                journal?.Commit();
                Start(full);
            }

            return true;
        }

        /// <summary>
        /// Makes every measurement handed over so far durable in the outbox: after this returns, no end of the process
        /// loses them. A caller commits once per input it was given, before it tells its own caller it is done with it.
        /// </summary>
        public void Commit() => journal?.Commit();

        /// <summary>Sends the batches that are not full, waiting for room on the caller's thread.</summary>
        public void Flush()
        {
            journal?.Commit();
            foreach (var batch in TakePartials())
            {
                Start(batch);
            }
        }

        /// <summary>The oldest batch's outcome when it is known; outcomes come in the order batches were dispatched.</summary>
        public bool TryTakeOutcome(out BatchOutcome? outcome) => dispatcher.TryTake(out _, out outcome);

        /// <summary>Waits until the oldest batch's outcome is known; false when no batch is on its way.</summary>
        public bool WaitForOutcome(CancellationToken cancellationToken) => dispatcher.WaitOldest(cancellationToken);

        /// <summary>Waits at most <paramref name="timeout"/> for the oldest batch's outcome; false when it is not known yet (or none is on its way).</summary>
        public bool WaitForOutcome(TimeSpan timeout, CancellationToken cancellationToken)
        {
            var wait = dispatcher.WaitOldestAsync(cancellationToken);
            try
            {
                return wait.Wait(timeout) && dispatcher.HasOutcome;
            }
            catch (AggregateException ex) when (ex.InnerException is OperationCanceledException canceled)
            {
                throw canceled;
            }
        }

        /// <summary>Notices about the outbox and writing ahead, each handed out once.</summary>
        public bool TryTakeNotice(out SenderNotice? notice)
        {
            if (journal != null)
            {
                foreach (var n in journal.TakeNotices())
                {
                    Notify(n);
                }
            }

            lock (notices)
            {
                if (notices.Count > 0)
                {
                    notice = notices.Dequeue();
                    return true;
                }
            }

            notice = null;
            return false;
        }

        /// <summary>
        /// Stops sending: requests on their way are cancelled, nothing more starts. Returns every measurement handed
        /// over whose outcome was not taken, in order: with an outbox they are also still there (some may have reached
        /// the API; sending them again is harmless, since each carries its time), without one they are only here.
        /// </summary>
        public IReadOnlyList<Measurement> Stop()
        {
            var left = new List<Measurement>();
            List<PendingBatch> onTheirWay;
            lock (gate)
            {
                stopped = true;
                onTheirWay = dispatcher.Abandon();
                foreach (var b in onTheirWay)
                {
                    left.AddRange(b.Items);
                }

                foreach (var b in starting)
                {
                    left.AddRange(b.Items);
                }

                starting.Clear();
                left.AddRange(legacy.Take().Items);
                left.AddRange(tagged.Take().Items);
            }

            journal?.Commit();
            return left;
        }

        /// <summary>
        /// Ends the run: the outbox files with nothing left to send are removed, the others released for the next
        /// run. Returns how many measurements wait in the outbox. Flush and take the outcomes first.
        /// </summary>
        public int Close()
        {
            lock (gate)
            {
                if (disposed)
                {
                    return 0;
                }

                disposed = true;
            }

            ageTimer?.Dispose();
            exitRegistration.Dispose();
            return journal?.Close() ?? 0;
        }

        public void Dispose() => Close();

        /// <summary>
        /// Sends what earlier runs left in the outbox, oldest file first, with this sender's budget and limits, and
        /// acknowledges it there as it is delivered. Stops at the first failure, so what is older is never sent after
        /// what is newer. Refused measurements are moved to the quarantine folder (a notice names them). Call it before
        /// handing over anything else.
        /// </summary>
        public OutboxDeliveryResult DeliverOutbox(MeasurementValidator validator, CancellationToken cancellationToken) =>
            OutboxDeliveryResult.Run(this, options.Outbox!, validator, cancellationToken);

        internal void Notify(SenderNotice notice)
        {
            lock (notices)
            {
                notices.Enqueue(notice);
            }
        }

        internal TimeProvider Clock => clock;

        internal void CountDelivered(int count) => Interlocked.Add(ref deliveredFromOutbox, count);

        private void Start(PendingBatch batch)
        {
            // When the sender is stopped while this waits for room, the batch stays in 'starting' for Stop to hand back.
            dispatcher.Dispatch(batch);
            lock (gate)
            {
                starting.Remove(batch);
            }
        }

        private List<PendingBatch> TakePartials()
        {
            var taken = new List<PendingBatch>(2);
            lock (gate)
            {
                if (stopped || disposed)
                {
                    return taken;
                }

                foreach (var route in new[] { legacy, tagged })
                {
                    if (route.Items.Count > 0)
                    {
                        var batch = route.Take();
                        starting.Add(batch);
                        taken.Add(batch);
                    }
                }
            }

            return taken;
        }

        private bool IsAged(Route route, long now) =>
            options.MaxBatchAge is TimeSpan age && clock.GetElapsedTime(route.FirstAdded, now) >= age;

        /// <summary>From the timer: a batch whose first measurement waited long enough goes out, if there is room now.</summary>
        private void SendAged()
        {
            journal?.Commit();
            lock (gate)
            {
                if (stopped || disposed)
                {
                    return;
                }

                var now = clock.GetTimestamp();
                foreach (var route in new[] { legacy, tagged })
                {
                    if (route.Items.Count > 0 && IsAged(route, now))
                    {
                        var firstAdded = route.FirstAdded;
                        var batch = route.Take();
                        if (!dispatcher.TryDispatch(batch))
                        {
                            // No room: it waits for the next full batch or tick. Nothing was added meanwhile (the gate is held).
                            route.Restore(batch, firstAdded);
                        }
                    }
                }
            }
        }

        /// <summary>Runs when a batch's outcome is known: acknowledges it in the outbox, and says where the unsent went.</summary>
        private BatchOutcome Settle(PendingBatch batch, BatchOutcome outcome)
        {
            if (batch.Acknowledger != null && batch.Refs != null && outcome.Resolved.Count > 0)
            {
                try
                {
                    batch.Acknowledger.Acknowledge(batch, outcome);
                }
                catch (Exception ex) when (OutboxFile.IsFileFailure(ex))
                {
                    Notify(new SenderNotice(
                        SenderNoticeKind.OutboxNotUpdated,
                        $"The outbox could not record that {outcome.Resolved.Count} measurement(s) were delivered ({ex.Message}); a later run may send them again.",
                        null));
                }
            }

            if (outcome.Unsent.Count == 0)
            {
                return outcome;
            }

            outcome.OutboxDirectory = options.Outbox?.Directory;
            var unkept = Unkept(batch, outcome);
            if (unkept.Count == 0)
            {
                outcome.Disposition = UnsentDisposition.KeptInOutbox;
            }
            else if (options.Outbox == null)
            {
                outcome.Disposition = UnsentDisposition.NotKept;
            }
            else
            {
                try
                {
                    options.Outbox.Spool(unkept, clock);
                    outcome.Disposition = UnsentDisposition.KeptInOutbox;
                    unkept = Array.Empty<Measurement>();
                }
                catch (Exception ex) when (OutboxFile.IsFileFailure(ex))
                {
                    outcome.Disposition = UnsentDisposition.OutboxWriteFailed;
                    outcome.OutboxFailure = ex;
                }
            }

            outcome.Unkept = unkept;
            return outcome;
        }

        /// <summary>The unsent measurements of the batch that are not on disk in the outbox.</summary>
        private static IReadOnlyList<Measurement> Unkept(PendingBatch batch, BatchOutcome outcome)
        {
            var unkept = new List<Measurement>();
            var resolved = outcome.Resolved;
            var r = 0;
            for (var i = 0; i < batch.Items.Count; i++)
            {
                if (r < resolved.Count && resolved[r] == i)
                {
                    r++;
                    continue;
                }

                var written = batch.Refs == null ? default : batch.Refs[i];
                if (written.File == null || !written.File.IsDurable(written.Position))
                {
                    unkept.Add(batch.Items[i]);
                }
            }

            return unkept;
        }

        internal void OnProcessExit()
        {
            if (journal != null)
            {
                // Everything handed over is in the outbox; what is buffered is written now.
                journal.CloseForExit();
                return;
            }

            var lost = Stop();
            if (lost.Count > 0)
            {
                options.ProcessExiting?.Invoke(lost);
            }
        }

        private void ThrowIfDisposed()
        {
            if (disposed)
            {
                throw new ObjectDisposedException(nameof(MeasurementSender), "This sender was closed.");
            }
        }

        /// <summary>One route's batch being filled: its measurements, where each was written ahead, and since when it fills.</summary>
        private sealed class Route
        {
            private readonly int batchSize;

            public Route(int batchSize)
            {
                this.batchSize = batchSize;
                Items = new List<Measurement>(batchSize);
            }

            public List<Measurement> Items { get; private set; }

            public List<JournalRef>? Refs { get; private set; }

            public IOutboxAcknowledger? Acknowledger { get; private set; }

            public long FirstAdded { get; private set; }

            /// <summary>Adds; returns the batch this completed, or the one a change of acknowledger closed.</summary>
            [MethodImpl(HotPath.Optimized)]
            public PendingBatch? Add(Measurement m, JournalRef written, IOutboxAcknowledger? acknowledger, long now)
            {
                PendingBatch? closed = null;
                if (Items.Count > 0 && !ReferenceEquals(acknowledger, Acknowledger))
                {
                    // A batch is acknowledged in one place: measurements of two outbox files do not share one.
                    closed = Take();
                }

                if (Items.Count == 0)
                {
                    FirstAdded = now;
                    Acknowledger = acknowledger;
                }

                Items.Add(m);
                if (written.File != null)
                {
                    if (Refs == null)
                    {
                        Refs = new List<JournalRef>(batchSize);
                        for (var i = 0; i < Items.Count - 1; i++)
                        {
                            Refs.Add(default);
                        }
                    }

                    Refs.Add(written);
                }
                else
                {
                    Refs?.Add(default);
                }

                if (closed != null)
                {
                    return closed;
                }

                return Items.Count >= batchSize ? Take() : null;
            }

            public PendingBatch Take()
            {
                var batch = new PendingBatch(Items, Refs, Acknowledger);
                Items = new List<Measurement>(batchSize);
                Refs = null;
                Acknowledger = null;
                return batch;
            }

            /// <summary>Puts back a batch just taken, when nothing was added since.</summary>
            public void Restore(PendingBatch batch, long firstAdded)
            {
                Items = batch.Items;
                Refs = batch.Refs;
                Acknowledger = batch.Acknowledger;
                FirstAdded = firstAdded;
            }
        }
    }
}
