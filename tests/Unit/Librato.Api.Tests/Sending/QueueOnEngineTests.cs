using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Net;
using System.Net.Http;
using System.Threading;
using Librato.Api;
using Xunit;

namespace Librato.Api.Tests.Sending
{
    /// <summary>Queues submit through the engine, and with an outbox write what they are given as it is added.</summary>
    public sealed class QueueOnEngineTests : IDisposable
    {
        private readonly ScratchFolder scratch = new ScratchFolder("queue-outbox");

        private string folder => scratch.Path;

        public void Dispose() => scratch.Dispose();

        [Fact]
        public void What_a_queue_never_submits_is_delivered_by_a_later_run()
        {
            var api = new ApiScript();
            var queue = new MeasurementQueue(api.Client(), new MeasurementQueueOptions { Outbox = new Librato.Api.Outbox(folder) });
            foreach (var m in Points.Legacy(5))
            {
                queue.Add(m);
            }

            // On disk as soon as they were added; the queue is dropped without a submission.
            Assert.Single(scratch.OutboxFiles());
            queue.Dispose();
            Assert.Empty(api.Requests);

            using var later = new MeasurementSender(api.Client(), new SenderOptions { Outbox = new Librato.Api.Outbox(folder), MaxBatchAge = null });
            Assert.Equal(5, later.DeliverOutbox(MeasurementValidator.Default, CancellationToken.None).Sent);
            Assert.Equal(Points.Keys(Points.Legacy(5)), api.Stored);
            Assert.Empty(scratch.OutboxFiles());
        }

        [Fact]
        public void A_submitted_queue_leaves_nothing_in_the_outbox()
        {
            var api = new ApiScript();
            using (var queue = new MeasurementQueue(api.Client(), new MeasurementQueueOptions { Outbox = new Librato.Api.Outbox(folder), BatchSize = 2 }))
            {
                foreach (var m in Points.Legacy(5).Concat(Points.Tagged(3)))
                {
                    queue.Add(m);
                }

                var result = queue.Submit();
                Assert.Equal(8, result.Sent);
                Assert.Equal(5, result.Batches);
                Assert.Equal(0, result.Pending);
                Assert.Null(result.StoppedBy);
                Assert.Equal(folder, queue.OutboxDirectory);
            }

            Assert.Empty(scratch.OutboxFiles());
        }

        [Fact]
        public void A_failed_submission_keeps_the_measurements_queued_and_in_the_outbox()
        {
            var api = new ApiScript { Answer = r => new HttpResponseMessage(HttpStatusCode.ServiceUnavailable) };
            var queue = new MeasurementQueue(api.Client(), new MeasurementQueueOptions { Outbox = new Librato.Api.Outbox(folder), BatchSize = 2, ThrottleLimit = 1 });
            foreach (var m in Points.Legacy(5))
            {
                queue.Add(m);
            }

            var result = queue.Submit();
            Assert.Equal(0, result.Sent);
            Assert.Equal(5, result.Pending);
            Assert.Equal(LibratoErrorKind.ServerError, result.StoppedBy!.Kind);
            Assert.Single(api.Requests);
            Assert.Equal(Points.Keys(Points.Legacy(5)), Points.Keys(queue.Pending));

            // The next submission goes through, and what was delivered leaves the outbox.
            api.Answer = null;
            Assert.Equal(5, queue.Submit().Sent);
            queue.Dispose();
            Assert.Empty(scratch.OutboxFiles());
        }

        [Fact]
        public void Without_an_outbox_what_is_queued_at_process_exit_is_handed_to_the_exit_callback()
        {
            IReadOnlyList<Measurement>? lost = null;
            var queue = new MeasurementQueue(new ApiScript().Client(), new MeasurementQueueOptions { ProcessExiting = m => lost = m });
            queue.Add(Points.Legacy(1)[0]);
            queue.OnProcessExit();
            Assert.Single(lost!);
            queue.Dispose();
        }

        [Fact]
        public void A_registration_that_was_disposed_is_not_run()
        {
            var hook = new ProcessExitHook(hookProcess: false);
            var runs = 0;
            var kept = hook.Register(() => runs++);
            var dropped = hook.Register(() => runs += 10);
            dropped.Dispose();
            dropped.Dispose();
            hook.RunAll();
            Assert.Equal(1, runs);
            hook.RunAll();
            Assert.Equal(1, runs);
            kept.Dispose();
            Assert.Equal(0, hook.SignalCount);
        }

        [Fact]
        public void One_failing_exit_action_does_not_keep_the_others_from_running()
        {
            var hook = new ProcessExitHook(hookProcess: false);
            var ran = false;
            using var failing = hook.Register(() => throw new InvalidOperationException("boom"));
            using var other = hook.Register(() => ran = true);
            hook.RunAll();
            Assert.True(ran);
        }

        [Fact]
        public void The_process_hook_listens_to_SIGTERM_and_SIGHUP_once_something_is_registered()
        {
            using var registration = ProcessExitHook.Process.Register(() => { });
            Assert.Equal(2, ProcessExitHook.Process.SignalCount);

            // A hook of its own (the process's was hooked by whichever test came first): nothing until a registration.
            var hook = new ProcessExitHook(hookProcess: true);
            Assert.Equal(0, hook.SignalCount);
            using (hook.Register(() => { }))
            {
                Assert.Equal(2, hook.SignalCount);
            }

            using (hook.Register(() => { }))
            {
                Assert.Equal(2, hook.SignalCount);
            }
        }

        [Fact]
        public void A_delivery_sets_aside_what_breaks_the_rules_and_sends_the_rest()
        {
            Directory.CreateDirectory(folder);
            File.WriteAllText(
                Path.Combine(folder, "1" + Librato.Api.Outbox.Extension),
                "{\"librato_outbox\":2}\n{\"name\":\"m\",\"value\":1,\"source\":\"s0\",\"time\":1796644800}\n{\"name\":\"bad name\",\"value\":2,\"time\":1796644800}\n");
            var api = new ApiScript();
            using var sender = new MeasurementSender(api.Client(ApiScript.Clock()), new SenderOptions { Outbox = new Librato.Api.Outbox(folder), MaxBatchAge = null });
            var result = sender.DeliverOutbox(MeasurementValidator.Default, CancellationToken.None);

            Assert.Equal(1, result.Sent);
            Assert.Equal(1, result.Quarantined);
            Assert.Equal(1, result.Files);
            Assert.Equal(new[] { "s0" }, api.Stored);
            Assert.True(sender.TryTakeNotice(out var refused));
            Assert.Equal(SenderNoticeKind.OutboxMeasurementsRefused, refused!.Kind);
            Assert.Equal("bad name", Assert.Single(refused.Measurements!).Name);
            Assert.Contains("is not a valid metric name", refused.Message);
            var quarantined = Assert.Single(Directory.GetFiles(Path.Combine(folder, Librato.Api.Outbox.QuarantineFolder)));
            Assert.Equal("bad name", Assert.Single(OutboxJson.Read(File.ReadAllBytes(quarantined)).Measurements).Name);
            Assert.Empty(scratch.OutboxFiles());
        }
    }
}
