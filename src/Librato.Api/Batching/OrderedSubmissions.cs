using System;
using System.Collections.Generic;
using System.Threading;
using System.Threading.Tasks;

namespace Librato.Api
{
    /// <summary>
    /// Starts batch submissions that may be on their way at the same time, except where order matters: a batch that
    /// holds a point (same series, same second) of a batch started earlier and still on its way waits until that one
    /// is finished, so a later value of a point always reaches the API after the earlier one, as it would if every
    /// batch were sent one after the other. Batches with different points (the usual case: samples of distinct
    /// times, backfill rows) go out side by side. Each batch's points are hashed off the caller's thread.
    /// </summary>
    public sealed class OrderedSubmissions
    {
        private readonly List<Entry> open = new List<Entry>();

        /// <summary>
        /// Starts <paramref name="submit"/> for <paramref name="batch"/> once every earlier batch sharing a point with
        /// it has finished (whatever its outcome). Not thread-safe: one caller starts the batches, in their order.
        /// </summary>
        public Task<T> Start<T>(IReadOnlyList<Measurement> batch, Func<Task<T>> submit, CancellationToken cancellationToken = default)
        {
            open.RemoveAll(entry => entry.Sending.IsCompleted);
            var earlier = open.ToArray();
            var points = Task.Run(() => PointSet.Of(batch), cancellationToken);
            var sending = Task.Run(
                async () =>
                {
                    var mine = await points.ConfigureAwait(false);
                    foreach (var entry in earlier)
                    {
                        if (!entry.Sending.IsCompleted && (await entry.Points.ConfigureAwait(false)).Overlaps(mine))
                        {
                            await Finished(entry.Sending, cancellationToken).ConfigureAwait(false);
                        }
                    }

                    return await submit().ConfigureAwait(false);
                },
                cancellationToken);
            open.Add(new Entry(points, sending));
            return sending;
        }

        // Waits for an earlier batch without taking on its failure: that is reported by whoever started it.
        private static async Task Finished(Task earlier, CancellationToken cancellationToken)
        {
            var cancelled = new TaskCompletionSource<bool>();
            using (cancellationToken.Register(() => cancelled.TrySetCanceled()))
            {
                await Task.WhenAny(earlier, cancelled.Task).ConfigureAwait(false);
            }

            cancellationToken.ThrowIfCancellationRequested();
        }

        private sealed class Entry
        {
            public Entry(Task<PointSet> points, Task sending)
            {
                Points = points;
                Sending = sending;
            }

            public Task<PointSet> Points { get; }

            public Task Sending { get; }
        }
    }
}
