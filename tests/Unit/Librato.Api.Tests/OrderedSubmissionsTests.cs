using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using Librato.Api;
using Xunit;

namespace Librato.Api.Tests
{
    public class OrderedSubmissionsTests
    {
        private static List<Measurement> Batch(params (string Name, string? Source, long Time)[] points)
        {
            var batch = new List<Measurement>();
            foreach (var (name, source, time) in points)
            {
                batch.Add(new Measurement(name, 1) { Source = source, Time = time });
            }

            return batch;
        }

        [Fact]
        public void Points_are_the_same_when_series_and_second_are()
        {
            var tagsA = new Dictionary<string, string> { ["host"] = "a", ["zone"] = "1" };
            var tagsB = new Dictionary<string, string> { ["zone"] = "1", ["host"] = "a" };
            var tagsC = new Dictionary<string, string> { ["zone"] = "1", ["host"] = "b" };

            Assert.True(PointSet.Of(Batch(("cpu", "web", 100))).Overlaps(PointSet.Of(Batch(("x", null, 1), ("CPU", "web", 100)))));
            Assert.False(PointSet.Of(Batch(("cpu", "web", 100))).Overlaps(PointSet.Of(Batch(("cpu", "web", 101), ("cpu", "db", 100)))));
            Assert.True(PointSet.Of(Batch(("métrique.ÉTÉ", "Hôte-Ü", 7))).Overlaps(PointSet.Of(Batch(("MÉTRIQUE.été", "hôte-ü", 7)))));
            Assert.False(PointSet.Of(Batch(("m", "s1", 7), ("m", "s12", 7), ("n", "s2", 7))).Overlaps(PointSet.Of(Batch(("m", "s2", 7), ("m", "s21", 7), ("m", null, 7)))));
            Assert.True(PointSet.Of(Batch(("a", "x", 1), ("b", "x", 1), ("a", "y", 1))).Overlaps(PointSet.Of(Batch(("B", "X", 1)))));
            Assert.True(PointSet.Of(new[] { new Measurement("m", 1) { Tags = tagsA, Time = 5 } })
                .Overlaps(PointSet.Of(new[] { new Measurement("m", 2) { Tags = tagsB, Time = 5 } })));
            Assert.False(PointSet.Of(new[] { new Measurement("m", 1) { Tags = tagsA, Time = 5 } })
                .Overlaps(PointSet.Of(new[] { new Measurement("m", 2) { Tags = tagsC, Time = 5 } })));
        }

        [Fact]
        public async Task Batches_without_shared_points_go_out_side_by_side()
        {
            var order = new OrderedSubmissions();
            var first = new TaskCompletionSource<int>();
            var secondStarted = new TaskCompletionSource<bool>();

            var a = order.Start(Batch(("m", "a", 1)), () => first.Task);
            var b = order.Start(Batch(("m", "b", 1)), () =>
            {
                secondStarted.SetResult(true);
                return Task.FromResult(2);
            });

            Assert.Equal(2, await b.WaitAsync(TimeSpan.FromSeconds(10)));
            Assert.False(a.IsCompleted);
            first.SetResult(1);
            Assert.Equal(1, await a);
        }

        [Fact]
        public async Task A_batch_sharing_a_point_waits_for_the_earlier_one_even_when_it_fails()
        {
            var order = new OrderedSubmissions();
            var first = new TaskCompletionSource<int>();
            var started = new ConcurrentQueue<string>();

            var a = order.Start(Batch(("m", "a", 1), ("m", "b", 1)), () =>
            {
                started.Enqueue("a");
                return first.Task;
            });
            var b = order.Start(Batch(("m", "c", 1)), () =>
            {
                started.Enqueue("b");
                return Task.FromResult(2);
            });
            var c = order.Start(Batch(("m", "b", 1)), () =>
            {
                started.Enqueue("c");
                return Task.FromResult(3);
            });

            await b.WaitAsync(TimeSpan.FromSeconds(10));
            await Task.Delay(200);
            Assert.False(c.IsCompleted);
            Assert.DoesNotContain("c", started);

            first.SetException(new InvalidOperationException("refused"));
            Assert.Equal(3, await c.WaitAsync(TimeSpan.FromSeconds(10)));
            await Assert.ThrowsAsync<InvalidOperationException>(() => a);
            Assert.Equal(3, started.Count);
            Assert.Equal("c", started.ToArray()[2]);
        }

        [Fact]
        public void Points_of_large_batches_are_compared_whatever_their_order()
        {
            // Points given in descending order, the shared one last in one batch and first in the other: a set that
            // were not kept sorted would be compared wrongly.
            var first = Enumerable.Range(0, 300).Select(i => ("m", (string?)("s" + (299 - i)), 100L)).ToArray();
            var second = Enumerable.Range(0, 300).Select(i => ("n", (string?)("s" + i), 100L)).Append(("m", "s0", 100L)).ToArray();
            Assert.True(PointSet.Of(Batch(first)).Overlaps(PointSet.Of(Batch(second))));
            Assert.True(PointSet.Of(Batch(second)).Overlaps(PointSet.Of(Batch(first))));
            var third = Enumerable.Range(0, 300).Select(i => ("m", (string?)("s" + i), 101L)).Reverse().ToArray();
            Assert.False(PointSet.Of(Batch(first)).Overlaps(PointSet.Of(Batch(third))));
            Assert.False(PointSet.Of(Batch(third)).Overlaps(PointSet.Of(Batch(first))));
        }

        [Fact]
        public async Task A_batch_waiting_behind_another_is_cancelled_with_the_send()
        {
            var order = new OrderedSubmissions();
            var first = new TaskCompletionSource<int>();
            using var cancel = new CancellationTokenSource();
            var started = false;
            var aSending = new TaskCompletionSource<bool>(TaskCreationOptions.RunContinuationsAsynchronously);
            var a = order.Start(Batch(("m", "a", 1)), () =>
            {
                aSending.TrySetResult(true);
                return first.Task;
            }, cancel.Token);
            var b = order.Start(Batch(("m", "a", 1)), () =>
            {
                started = true;
                return Task.FromResult(2);
            }, cancel.Token);

            // a must be sending before the cancel, or it is rightly cancelled too: on a busy thread pool 50 ms was not
            // always enough for it to start. Then give b the time to reach its wait behind a (without it, b is
            // cancelled before it starts, which passes too).
            await aSending.Task.WaitAsync(TimeSpan.FromSeconds(10));
            await Task.Delay(50);
            cancel.Cancel();
            await Assert.ThrowsAnyAsync<OperationCanceledException>(() => b.WaitAsync(TimeSpan.FromSeconds(10)));
            Assert.False(started);
            Assert.False(a.IsCompleted);
            first.SetResult(1);
            Assert.Equal(1, await a);
        }

        [Fact]
        public async Task Finished_batches_no_longer_hold_back_later_ones()
        {
            var order = new OrderedSubmissions();
            var a = order.Start(Batch(("m", "a", 1)), () => Task.FromResult(1));
            Assert.Equal(1, await a.WaitAsync(TimeSpan.FromSeconds(10)));
            var release = new TaskCompletionSource<int>();
            var b = order.Start(Batch(("m", "a", 1)), () => release.Task);
            var c = order.Start(Batch(("m", "z", 1)), () => Task.FromResult(3));
            Assert.Equal(3, await c.WaitAsync(TimeSpan.FromSeconds(10)));
            release.SetResult(2);
            Assert.Equal(2, await b);
        }
    }
}
