using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Net;
using System.Net.Http;
using System.Threading;
using System.Threading.Tasks;
using Librato.Api;
using Microsoft.Extensions.Time.Testing;
using Xunit;
using static Librato.Api.Tests.Sending.Engine;

namespace Librato.Api.Tests.Sending
{
    /// <summary>The engine's smaller rules, each pinned by what a caller can see.</summary>
    public sealed class EngineDetailTests : IDisposable
    {
        private readonly ScratchFolder scratch = new ScratchFolder("engine");

        private string folder => scratch.Path;

        public void Dispose() => scratch.Dispose();

        [Theory]
        [InlineData(0)]
        [InlineData(1001)]
        public void A_batch_size_out_of_1_to_1000_is_refused(int size)
        {
            var ex = Assert.Throws<ArgumentOutOfRangeException>(() => new MeasurementSender(new ApiScript().Client(), Options(batchSize: size)));
            Assert.StartsWith("A batch holds 1 to 1000 measurements.", ex.Message);
        }

        [Theory]
        [InlineData(1)]
        [InlineData(1000)]
        public void Batch_sizes_of_1_and_1000_are_taken(int size)
        {
            var api = new ApiScript();
            using var sender = new MeasurementSender(api.Client(), Options(batchSize: size));
            foreach (var m in Points.Legacy(size))
            {
                sender.Add(m);
            }

            // A full batch leaves at once.
            Assert.True(SpinWait.SpinUntil(() => api.Requests.Count == 1, TimeSpan.FromSeconds(10)));
            Assert.Equal(size, api.Requests[0].Keys.Count);
            Drain(sender);
        }

        [Fact]
        public void At_least_one_batch_must_be_allowed_on_its_way()
        {
            var ex = Assert.Throws<ArgumentOutOfRangeException>(() => new MeasurementSender(new ApiScript().Client(), Options(throttle: 0)));
            Assert.StartsWith("At least one batch must be allowed on its way.", ex.Message);
        }

        [Fact]
        public void Waiting_counts_both_routes_and_nothing_once_sent_or_stopped()
        {
            var api = new ApiScript();
            var sender = new MeasurementSender(api.Client(), Options());
            foreach (var m in Points.Legacy(3).Concat(Points.Tagged(2)))
            {
                sender.Add(m);
            }

            Assert.Equal(5, sender.Waiting);
            Assert.Equal(0, sender.Dispatched);
            var left = sender.Stop();
            Assert.Equal(5, left.Count);
            Assert.Equal(new[] { "s0", "s1", "s2", "s0", "s1" }, Points.Keys(left));
            Assert.Equal(0, sender.Waiting);
            sender.Flush();
            Assert.Empty(api.Requests);
            sender.Close();
        }

        [Fact]
        public void A_closed_sender_takes_nothing_and_its_timer_and_exit_action_are_gone()
        {
            var clock = ApiScript.Clock();
            var api = new ApiScript();
            var hook = new ProcessExitHook(hookProcess: false);
            var options = Options(age: TimeSpan.FromSeconds(1));
            options.ExitHook = hook;
            var sender = new MeasurementSender(api.Client(clock), options);
            Assert.Equal(1, hook.Count);
            sender.Add(Points.Legacy(1)[0]);
            Assert.Equal(0, sender.Close());
            Assert.Equal(0, hook.Count);
            Assert.Equal(0, sender.Close());

            clock.Advance(TimeSpan.FromSeconds(10));
            Assert.Empty(api.Requests);
            var ex = Assert.Throws<ObjectDisposedException>(() => sender.Add(Points.Legacy(1)[0]));
            Assert.Contains("This sender was closed.", ex.Message);
        }

        [Fact]
        public void A_partial_batch_goes_once_its_first_measurement_waited_exactly_the_age()
        {
            var clock = ApiScript.Clock();
            var api = new ApiScript();
            using var sender = new MeasurementSender(api.Client(clock), Options(age: TimeSpan.FromSeconds(5)));
            sender.Add(Points.Legacy(1)[0]);
            clock.Advance(TimeSpan.FromSeconds(2.5));
            Assert.Empty(api.Requests);
            clock.Advance(TimeSpan.FromSeconds(2.5));
            Assert.True(SpinWait.SpinUntil(() => api.Requests.Count == 1, TimeSpan.FromSeconds(10)));
            Drain(sender);
        }

        [Fact]
        public void A_very_short_age_still_sends_again_and_again()
        {
            var clock = ApiScript.Clock();
            var api = new ApiScript();
            using var sender = new MeasurementSender(api.Client(clock), Options(age: TimeSpan.FromTicks(1)));
            // Ticks go on while the first batch is still being answered (no room for the next until it is).
            bool Ticking(int requests)
            {
                clock.Advance(TimeSpan.FromMilliseconds(1));
                return api.Requests.Count == requests;
            }

            sender.Add(Points.Legacy(1)[0]);
            Assert.True(SpinWait.SpinUntil(() => Ticking(1), TimeSpan.FromSeconds(10)));
            sender.Add(Points.Legacy(2)[1]);
            Assert.True(SpinWait.SpinUntil(() => Ticking(2), TimeSpan.FromSeconds(10)));
        }

        [Fact]
        public void No_age_or_a_zero_one_sends_partial_batches_only_when_flushed()
        {
            var clock = ApiScript.Clock();
            var api = new ApiScript();
            using var sender = new MeasurementSender(api.Client(clock), Options(age: TimeSpan.Zero));
            sender.Add(Points.Legacy(1)[0]);
            clock.Advance(TimeSpan.FromMinutes(5));
            Assert.Empty(api.Requests);
            Assert.Single(Drain(sender));
        }

        [Fact]
        public void An_aged_batch_without_room_waits_for_the_next_tick()
        {
            var clock = ApiScript.Clock();
            var api = new ApiScript { Hold = r => r.Index == 0 };
            using var sender = new MeasurementSender(api.Client(clock), Options(batchSize: 2, age: TimeSpan.FromSeconds(1)));
            foreach (var m in Points.Legacy(3))
            {
                sender.Add(m);
            }

            // The first (full) batch is held: the aged third measurement has no room, and stays.
            clock.Advance(TimeSpan.FromSeconds(2));
            Assert.Equal(1, sender.Waiting);
            Assert.True(SpinWait.SpinUntil(() => api.Requests.Count == 1, TimeSpan.FromSeconds(10)));
            api.Release();
            Assert.True(SpinWait.SpinUntil(() => sender.HasOutcome, TimeSpan.FromSeconds(10)));
            clock.Advance(TimeSpan.FromSeconds(1));
            Assert.True(SpinWait.SpinUntil(() => api.Requests.Count == 2, TimeSpan.FromSeconds(10)));
            Assert.Equal(new[] { "s2" }, api.Requests[1].Keys);
        }

        [Fact]
        public void Waiting_for_an_outcome_with_a_timeout_says_whether_it_came()
        {
            var api = new ApiScript { Hold = r => true };
            using var sender = new MeasurementSender(api.Client(), Options());
            Assert.False(sender.WaitForOutcome(TimeSpan.FromMilliseconds(10), CancellationToken.None));
            sender.Add(Points.Legacy(1)[0]);
            sender.Flush();
            Assert.False(sender.WaitForOutcome(TimeSpan.FromMilliseconds(50), CancellationToken.None));
            api.Release();
            Assert.True(sender.WaitForOutcome(TimeSpan.FromSeconds(10), CancellationToken.None));
            Assert.True(sender.HasOutcome);
            using var cancelled = new CancellationTokenSource();
            cancelled.Cancel();
            Assert.True(sender.TryTakeOutcome(out _));
            sender.Add(Points.Legacy(1)[0]);
            sender.Flush();
        }

        [Fact]
        public void Flushing_writes_the_partial_batch_ahead_before_it_is_sent()
        {
            long size = -1;
            var api = new ApiScript { Answer = r => { size = scratch.OutboxFiles().Sum(f => new FileInfo(f).Length); return null; } };
            using var sender = new MeasurementSender(api.Client(), Options(batchSize: 10, outbox: new Librato.Api.Outbox(folder)));
            foreach (var m in Points.Legacy(3))
            {
                sender.Add(m);
            }

            Drain(sender);
            Assert.True(size >= 40 + (3 * 50), size.ToString());
        }

        [Fact]
        public void Measurements_not_written_ahead_are_spooled_when_they_cannot_be_sent()
        {
            var outbox = new Librato.Api.Outbox(folder);
            var api = new ApiScript { Answer = r => new HttpResponseMessage(HttpStatusCode.ServiceUnavailable) };
            using var sender = new MeasurementSender(api.Client(), Options(outbox: outbox));
            foreach (var m in Points.Legacy(3))
            {
                sender.Add(m, default, null);
            }

            var outcome = Assert.Single(Drain(sender));
            Assert.Equal(UnsentDisposition.KeptInOutbox, outcome.Disposition);
            Assert.Empty(outcome.Unkept);
            Assert.Null(outcome.OutboxFailure);
            var spool = Assert.Single(scratch.OutboxFiles());
            Assert.Equal(new[] { "s0", "s1", "s2" }, OutboxJson.Read(File.ReadAllBytes(spool)).Measurements.Select(m => m.Source));
        }

        [Fact]
        public void Measurements_that_can_be_neither_sent_nor_spooled_are_handed_back_with_the_reason()
        {
            File.WriteAllText(folder, "a file where the outbox folder should be");
            try
            {
                var api = new ApiScript { Answer = r => new HttpResponseMessage(HttpStatusCode.ServiceUnavailable) };
                using var sender = new MeasurementSender(api.Client(), Options(outbox: new Librato.Api.Outbox(folder)));
                foreach (var m in Points.Legacy(3))
                {
                    sender.Add(m);
                }

                var outcome = Assert.Single(Drain(sender));
                Assert.Equal(UnsentDisposition.OutboxWriteFailed, outcome.Disposition);
                Assert.Equal(3, outcome.Unkept.Count);
                Assert.IsAssignableFrom<IOException>(outcome.OutboxFailure);
                Assert.True(sender.TryTakeNotice(out var notice));
                Assert.Equal(SenderNoticeKind.WriteAheadStopped, notice!.Kind);
                Assert.False(sender.TryTakeNotice(out _));
            }
            finally
            {
                File.Delete(folder);
            }
        }

        [Fact]
        public void Only_what_was_neither_accepted_nor_refused_is_unkept()
        {
            // 400 names the metric: its measurement is refused; then the others fail with 503 and are unsent.
            var items = Points.Legacy(3);
            items.Insert(1, new Measurement("bad.metric", 1) { Source = "bad", Time = Points.Time });
            var api = new ApiScript
            {
                Answer = r => r.Body.Contains("bad.metric")
                    ? ApiScript.Json(HttpStatusCode.BadRequest, "{\"errors\":{\"params\":{\"type\":[\"'bad.metric' is a counter\"]}}}")
                    : new HttpResponseMessage(HttpStatusCode.ServiceUnavailable),
            };
            using var sender = new MeasurementSender(api.Client(), Options());
            foreach (var m in items)
            {
                sender.Add(m);
            }

            var outcome = Assert.Single(Drain(sender));
            Assert.Equal("bad", Assert.Single(outcome.Refused).Measurement.Source);
            Assert.Equal(new[] { "s0", "s1", "s2" }, Points.Keys(outcome.Unsent));
            Assert.Equal(new[] { "s0", "s1", "s2" }, Points.Keys(outcome.Unkept));
            Assert.Equal(new[] { 1 }, outcome.Resolved);
            Assert.Equal(LibratoErrorKind.ServerError, outcome.Failure!.Kind);
            Assert.True(outcome.Attempted);
            Assert.Null(outcome.NotAttemptedReason);
        }

        [Fact]
        public void At_process_exit_what_is_buffered_is_written_to_the_outbox()
        {
            var api = new ApiScript();
            var sender = new MeasurementSender(api.Client(), Options(outbox: new Librato.Api.Outbox(folder)));
            foreach (var m in Points.Legacy(4))
            {
                sender.Add(m);
            }

            sender.OnProcessExit();
            var file = Assert.Single(scratch.OutboxFiles());
            Assert.Equal(4, OutboxJson.Read(File.ReadAllBytes(file)).Measurements.Count);
            using var claim = OutboxFile.Open(file);
        }

        private sealed class Acknowledger : IOutboxAcknowledger
        {
            public List<(PendingBatch Batch, BatchOutcome Outcome)> Calls { get; } = new List<(PendingBatch, BatchOutcome)>();

            public void Acknowledge(PendingBatch batch, BatchOutcome outcome)
            {
                lock (Calls)
                {
                    Calls.Add((batch, outcome));
                }
            }
        }

        [Fact]
        public void A_batch_is_acknowledged_in_one_place_so_another_acknowledger_closes_it()
        {
            var api = new ApiScript();
            var a = new Acknowledger();
            var b = new Acknowledger();
            var path = Path.Combine(Directory.CreateDirectory(folder).FullName, "x" + Librato.Api.Outbox.Extension);
            using var file = OutboxFile.Create(path, 1);
            var first = file.Append(Points.Legacy(1)[0]);
            file.Commit();
            using var sender = new MeasurementSender(api.Client(), Options());
            var items = Points.Legacy(3);
            sender.Add(items[0], default, a);
            sender.Add(items[1], new JournalRef(file, first), a);
            sender.Add(items[2], default, b);
            Drain(sender);

            Assert.Equal(new[] { 2, 1 }, api.Requests.Select(r => r.Keys.Count));
            var (batch, outcome) = Assert.Single(a.Calls);
            Assert.Null(batch.Refs![0].File);
            Assert.Same(file, batch.Refs[1].File);
            Assert.Equal(new[] { 0, 1 }, outcome.Resolved);

            // A batch with nothing written to an outbox has nothing to acknowledge.
            Assert.Empty(b.Calls);
        }

        [Fact]
        public void A_dispatcher_that_was_abandoned_starts_nothing_more()
        {
            var api = new ApiScript();
            var budget = new SendBudget(TimeProvider.System, null);
            var dispatcher = new BatchDispatcher(api.Client(), budget, 1, null, (b, o) => o, CancellationToken.None);
            Assert.False(dispatcher.HasOutcome);
            Assert.Equal(0, dispatcher.Count);
            Assert.False(dispatcher.WaitOldest(CancellationToken.None));
            Assert.True(dispatcher.WaitOldestAsync(CancellationToken.None).IsCompleted);
            Assert.Empty(dispatcher.Abandon());
            Assert.ThrowsAny<OperationCanceledException>(() => dispatcher.Dispatch(new PendingBatch(Points.Legacy(1), null, null)));
            Assert.False(dispatcher.TryDispatch(new PendingBatch(Points.Legacy(1), null, null)));
            Assert.Empty(api.Requests);
        }

        [Fact]
        public async Task A_dispatcher_starts_no_more_than_its_limit()
        {
            var api = new ApiScript { Hold = r => true };
            var dispatcher = new BatchDispatcher(api.Client(), new SendBudget(TimeProvider.System, null), 2, null, (b, o) => o, CancellationToken.None);
            Assert.True(dispatcher.TryDispatch(new PendingBatch(Points.Legacy(1), null, null)));
            Assert.True(dispatcher.TryDispatch(new PendingBatch(Points.Legacy(1, first: 1), null, null)));
            Assert.False(dispatcher.TryDispatch(new PendingBatch(Points.Legacy(1, first: 2), null, null)));
            Assert.Equal(2, dispatcher.Count);
            Assert.False(dispatcher.HasOutcome);
            var waiting = Task.Run(() => dispatcher.WaitOldest(CancellationToken.None));
            Assert.NotSame(waiting, await Task.WhenAny(waiting, Task.Delay(50)));
            api.Release();
            Assert.True(await waiting);
            Assert.True(dispatcher.HasOutcome);
            Assert.True(dispatcher.TryTake(out var batch, out var outcome));
            Assert.Equal("s0", batch!.Items[0].Source);
            Assert.Single(outcome!.Accepted);
        }

        [Fact]
        public async Task Submissions_say_what_they_do_to_a_refused_or_too_large_batch()
        {
            var lines = new ListTrace();
            var trace = lines.Lines;
            var api = new ApiScript
            {
                Answer = r => r.Keys.Count > 2 ? new HttpResponseMessage(HttpStatusCode.RequestEntityTooLarge)
                    : r.Keys.Contains("s1") ? ApiScript.Json(HttpStatusCode.BadRequest, "{\"errors\":{\"params\":{\"value\":[\"is bad\"]}}}")
                    : null,
            };
            var outcome = await BatchSubmission.RunAsync(api.Client(), Points.Legacy(4), new SendBudget(TimeProvider.System, null), lines, CancellationToken.None);
            Assert.Contains("The server found 4 measurements too large for one request (413); sending them in halves", trace);
            Assert.Contains("The API refused 2 measurements; sending them in halves to find the ones it refuses", trace);
            Assert.Equal("s1", Assert.Single(outcome.Refused).Measurement.Source);
            Assert.Equal("value: is bad", outcome.Refused[0].Reason);
            Assert.Equal(new[] { 0, 1, 2, 3 }, outcome.Resolved);
        }

        [Theory]
        [InlineData("{\"errors\":[\"'bad.metric' is a counter\"]}")]
        [InlineData("{\"errors\":{\"params\":{\"type\":[\"\\\"bad.metric\\\" is a counter\"]}}}")]
        public async Task A_metric_named_in_quotes_of_either_kind_is_sent_apart(string body)
        {
            var lines = new ListTrace();
            var trace = lines.Lines;
            var items = Points.Legacy(2);
            items.Add(new Measurement("bad.metric", 1) { Source = "bad", Time = Points.Time });
            var api = new ApiScript { Answer = r => r.Body.Contains("bad.metric") ? ApiScript.Json(HttpStatusCode.BadRequest, body) : null };
            var outcome = await BatchSubmission.RunAsync(api.Client(), items, new SendBudget(TimeProvider.System, null), lines, CancellationToken.None);
            Assert.Contains("The API refused 3 measurements naming 1 of them; sending the others apart", trace);
            Assert.Equal(new[] { 3, 2, 1 }, api.Requests.Select(r => r.Keys.Count));
            Assert.Equal("bad", Assert.Single(outcome.Refused).Measurement.Source);
        }

        [Theory]
        [InlineData("other.metric", MetricType.Gauge)]
        [InlineData("bad.metric", MetricType.Counter)]
        public async Task Named_measurements_of_more_than_one_series_kind_are_bisected(string second, MetricType type)
        {
            var items = new List<Measurement>
            {
                new Measurement("bad.metric", 1) { Source = "a", Time = Points.Time },
                new Measurement(second, 2) { Source = "b", Time = Points.Time, Type = type },
            };
            var api = new ApiScript
            {
                Answer = r => r.Keys.Contains("a") ? ApiScript.Json(HttpStatusCode.BadRequest, "{\"errors\":[\"'bad.metric' and 'other.metric' are bad\"]}") : null,
            };
            var outcome = await BatchSubmission.RunAsync(api.Client(), items, new SendBudget(TimeProvider.System, null), null, CancellationToken.None);
            Assert.Equal("a", Assert.Single(outcome.Refused).Measurement.Source);
            Assert.Equal("b", Assert.Single(outcome.Accepted).Source);
        }

        [Fact]
        public async Task A_refusal_without_texts_gives_the_whole_message_as_its_reason()
        {
            var api = new ApiScript { Answer = r => new HttpResponseMessage((HttpStatusCode)422) };
            var outcome = await BatchSubmission.RunAsync(api.Client(), Points.Legacy(1), new SendBudget(TimeProvider.System, null), null, CancellationToken.None);
            var refusal = Assert.Single(outcome.Refused);
            Assert.Equal(refusal.Error!.Message, refusal.Reason);
            Assert.StartsWith("The Librato API answered 422 (invalid request) to POST v1/metrics", refusal.Reason);
        }

        [Fact]
        public async Task A_server_that_answers_again_ends_the_failing_state()
        {
            var budget = new SendBudget(ApiScript.Clock(), TimeSpan.FromSeconds(1));
            budget.Failed(new LibratoApiException(LibratoErrorKind.ServerError, "POST", "v1/metrics", 503, Array.Empty<string>()));
            var api = new ApiScript { Answer = r => r.Index == 0 ? new HttpResponseMessage(HttpStatusCode.RequestEntityTooLarge) : null };
            var outcome = await BatchSubmission.RunAsync(api.Client(), Points.Legacy(2), budget, null, CancellationToken.None);
            Assert.False(budget.IsFailing);
            Assert.Equal(2, outcome.Accepted.Count);
        }

        [Fact]
        public async Task A_batch_not_tried_keeps_the_first_reason()
        {
            var budget = new SendBudget(TimeProvider.System, null, stopAfterFailure: true);
            var first = new LibratoApiException(LibratoErrorKind.ServerError, "POST", "v1/metrics", 503, new[] { "first" });
            budget.Failed(first);
            var outcome = await BatchSubmission.RunAsync(new ApiScript().Client(), Points.Legacy(2), budget, null, CancellationToken.None);
            Assert.False(outcome.Attempted);
            Assert.Same(first, outcome.Failure);
            Assert.Equal(budget.Describe(first), outcome.NotAttemptedReason);
            Assert.Empty(outcome.Resolved);
        }

        [Fact]
        public void Positions_beyond_a_batch_size_are_made_each_time_and_sizes_within_it_once()
        {
            Assert.Same(Positions.UpTo(300), Positions.UpTo(300));
            Assert.Equal(Enumerable.Range(0, 1000), Positions.UpTo(1000));
            Assert.Same(Positions.UpTo(1000), Positions.UpTo(1000));
            Assert.Equal(Enumerable.Range(0, 1001), Positions.UpTo(1001));
            Assert.NotSame(Positions.UpTo(1001), Positions.UpTo(1001));
            Assert.Empty(Positions.UpTo(0));
        }

        [Fact]
        public void A_delivery_counts_files_in_use_and_quarantined_passes_over_folders_and_keeps_the_first_failure()
        {
            Directory.CreateDirectory(folder);
            File.WriteAllText(Path.Combine(folder, "1" + Librato.Api.Outbox.Extension), "garbage\n");
            Directory.CreateDirectory(Path.Combine(folder, "2" + Librato.Api.Outbox.Extension));
            using var held = OutboxFile.Create(Path.Combine(folder, "3" + Librato.Api.Outbox.Extension), 1);
            File.WriteAllText(
                Path.Combine(folder, "4" + Librato.Api.Outbox.Extension),
                "{\"librato_outbox\":2}\n{\"name\":\"m\",\"value\":1,\"source\":\"a\",\"time\":1796644800}\n{\"name\":\"m\",\"value\":2,\"source\":\"b\",\"time\":1796644800}\n");
            var api = new ApiScript { Answer = r => new HttpResponseMessage(r.Index == 0 ? HttpStatusCode.ServiceUnavailable : HttpStatusCode.BadGateway) };
            using var sender = new MeasurementSender(api.Client(ApiScript.Clock()), new SenderOptions { BatchSize = 1, ThrottleLimit = 1, MaxBatchAge = null, Outbox = new Librato.Api.Outbox(folder) });
            var result = sender.DeliverOutbox(MeasurementValidator.Default, CancellationToken.None);

            Assert.Equal(1, result.Quarantined);
            Assert.Equal(1, result.InUse);
            Assert.Equal(0, result.NotClaimed);
            Assert.True(Directory.Exists(Path.Combine(folder, "2" + Librato.Api.Outbox.Extension)));
            Assert.Equal(0, result.Sent);
            Assert.Equal(2, result.Batches);
            Assert.Equal(503, result.StoppedBy!.StatusCode);
            Assert.Equal(folder, result.Directory);
            var notices = new List<SenderNotice>();
            while (sender.TryTakeNotice(out var n))
            {
                notices.Add(n!);
            }

            Assert.Equal(
                new[] { SenderNoticeKind.OutboxFileQuarantined, SenderNoticeKind.OutboxFileInUse },
                notices.Select(n => n.Kind));
            Assert.Contains("is in use by another running send, which delivers it", notices[1].Message);
            Assert.Contains("could not be read (line 1: not JSON (", notices[0].Message);
        }

        [Fact]
        public void A_delivered_file_is_announced_with_its_count()
        {
            Directory.CreateDirectory(folder);
            File.WriteAllText(
                Path.Combine(folder, "1" + Librato.Api.Outbox.Extension),
                "{\"librato_outbox\":2}\n{\"name\":\"m\",\"value\":1,\"source\":\"a\",\"time\":1796644800}\n{\"name\":\"m\",\"value\":2,\"source\":\"b\",\"time\":1796644800}\n");
            using var sender = new MeasurementSender(new ApiScript().Client(ApiScript.Clock()), new SenderOptions { MaxBatchAge = null, Outbox = new Librato.Api.Outbox(folder) });
            sender.DeliverOutbox(MeasurementValidator.Default, CancellationToken.None);
            Assert.True(sender.TryTakeNotice(out var notice));
            Assert.Equal("Sent 2 measurement(s) from the outbox file '1" + Librato.Api.Outbox.Extension + "'.", notice!.Message);
        }
    }
}
