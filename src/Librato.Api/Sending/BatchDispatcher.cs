using System;
using System.Collections.Generic;
using System.Threading;
using System.Threading.Tasks;

namespace Librato.Api
{
    /// <summary>
    /// Keeps up to a limit of batches on their way at once and hands their outcomes back in the order they were
    /// dispatched. A batch that shares a point with one still on its way waits for it (see <see cref="OrderedSubmissions"/>),
    /// so values of one point reach the API in the order they were handed over. Each outcome is settled (acknowledged in
    /// the outbox, the unsent kept) as soon as it is known, not when its caller gets round to it.
    /// </summary>
    internal sealed class BatchDispatcher
    {
        private readonly object gate = new object();
        private readonly LibratoClient client;
        private readonly SendBudget budget;
        private readonly int throttleLimit;
        private readonly IRequestTrace? trace;
        private readonly Func<PendingBatch, BatchOutcome, BatchOutcome> settle;
        private readonly OrderedSubmissions ordered = new OrderedSubmissions();
        private readonly Queue<(PendingBatch Batch, Task<BatchOutcome> Task)> dispatched = new Queue<(PendingBatch, Task<BatchOutcome>)>();
        private readonly CancellationTokenSource stop;

        public BatchDispatcher(
            LibratoClient client,
            SendBudget budget,
            int throttleLimit,
            IRequestTrace? trace,
            Func<PendingBatch, BatchOutcome, BatchOutcome> settle,
            CancellationToken cancellation)
        {
            this.client = client;
            this.budget = budget;
            this.throttleLimit = throttleLimit;
            this.trace = trace;
            this.settle = settle;
            stop = CancellationTokenSource.CreateLinkedTokenSource(cancellation);
        }

        public SendBudget Budget => budget;

        /// <summary>Batches dispatched whose outcome was not taken yet.</summary>
        public int Count
        {
            get
            {
                lock (gate)
                {
                    return dispatched.Count;
                }
            }
        }

        public bool HasOutcome
        {
            get
            {
                lock (gate)
                {
                    return dispatched.Count > 0 && dispatched.Peek().Task.IsCompleted && !dispatched.Peek().Task.IsCanceled;
                }
            }
        }

        /// <summary>
        /// Starts the batch once fewer than the limit are unanswered, waiting on the caller's thread until then.
        /// Throws <see cref="OperationCanceledException"/> when the sender is stopped while it waits (the batch did not start).
        /// </summary>
        public void Dispatch(PendingBatch batch)
        {
            while (true)
            {
                Task[] running;
                lock (gate)
                {
                    stop.Token.ThrowIfCancellationRequested();
                    running = Running();
                    if (running.Length < throttleLimit)
                    {
                        Start(batch);
                        return;
                    }
                }

                try
                {
                    Task.WaitAny(running, stop.Token);
                }
                catch (OperationCanceledException)
                {
                    throw;
                }
            }
        }

        /// <summary>Starts the batch if there is room now; false when the limit is reached.</summary>
        public bool TryDispatch(PendingBatch batch)
        {
            lock (gate)
            {
                if (stop.IsCancellationRequested || Running().Length >= throttleLimit)
                {
                    return false;
                }

                Start(batch);
                return true;
            }
        }

        /// <summary>The oldest batch's outcome, when it is known; outcomes come in the order batches were dispatched.</summary>
        public bool TryTake(out PendingBatch? batch, out BatchOutcome? outcome)
        {
            Task<BatchOutcome> task;
            lock (gate)
            {
                // A cancelled batch was abandoned: it stays for Stop, which hands its measurements back.
                if (dispatched.Count == 0 || !dispatched.Peek().Task.IsCompleted || dispatched.Peek().Task.IsCanceled)
                {
                    batch = null;
                    outcome = null;
                    return false;
                }

                (batch, task) = dispatched.Dequeue();
            }

            // A fault here is a defect in the sender, not a failure of the API (those are outcomes): let it surface.
            outcome = task.GetAwaiter().GetResult();
            return true;
        }

        /// <summary>Waits until the oldest batch's outcome is known; false when nothing is on its way.</summary>
        public bool WaitOldest(CancellationToken cancellationToken)
        {
            Task task;
            lock (gate)
            {
                if (dispatched.Count == 0)
                {
                    return false;
                }

                task = dispatched.Peek().Task;
            }

            try
            {
                task.Wait(cancellationToken);
            }
            catch (AggregateException)
            {
                // Taken (and thrown) by TryTake.
            }

            return true;
        }

        public Task WaitOldestAsync(CancellationToken cancellationToken)
        {
            Task task;
            lock (gate)
            {
                if (dispatched.Count == 0)
                {
                    return Task.CompletedTask;
                }

                task = dispatched.Peek().Task;
            }

            var done = new TaskCompletionSource<bool>(TaskCreationOptions.RunContinuationsAsynchronously);
            var registration = cancellationToken.Register(() => done.TrySetCanceled());
            task.ContinueWith(_ => { registration.Dispose(); done.TrySetResult(true); }, TaskScheduler.Default);
            return done.Task;
        }

        /// <summary>
        /// Stops: cancels every request on its way and returns the batches whose outcome was not taken, in order
        /// (some may have reached the API; sending them again is harmless, as each measurement carries its time).
        /// </summary>
        public List<PendingBatch> Abandon()
        {
            List<PendingBatch> left;
            lock (gate)
            {
                left = new List<PendingBatch>(dispatched.Count);
                while (dispatched.Count > 0)
                {
                    left.Add(dispatched.Dequeue().Batch);
                }
            }

            stop.Cancel();
            return left;
        }

        private Task[] Running()
        {
            var running = new List<Task>(dispatched.Count);
            foreach (var d in dispatched)
            {
                if (!d.Task.IsCompleted)
                {
                    running.Add(d.Task);
                }
            }

            return running.ToArray();
        }

        private void Start(PendingBatch batch)
        {
            var token = stop.Token;
            var task = ordered.Start(batch.Items, () => RunAsync(batch, token), token);
            dispatched.Enqueue((batch, task));
        }

        private async Task<BatchOutcome> RunAsync(PendingBatch batch, CancellationToken token)
        {
            var outcome = await BatchSubmission.RunAsync(client, batch.Items, budget, trace, token).ConfigureAwait(false);
            return settle(batch, outcome);
        }
    }
}
