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
    public class MeasurementSenderTests
    {
        [Fact]
        public void Batches_go_per_route_and_outcomes_come_in_the_order_batches_left()
        {
            var api = new ApiScript();
            using var sender = new MeasurementSender(api.Client(), Options(throttle: 2));
            var legacy = Points.Legacy(700);
            var tagged = Points.Tagged(50);
            var outcomes = SendAll(sender, legacy.Concat(tagged));

            Assert.Equal(new[] { 300, 300, 100, 50 }, outcomes.Select(o => o.Batch.Count));
            Assert.Equal(new[] { false, false, false, true }, outcomes.Select(o => o.Batch[0].IsTagged));
            Assert.All(outcomes, o => Assert.Equal(o.Batch.Count, o.Accepted.Count));
            Assert.All(outcomes, o => Assert.Equal(UnsentDisposition.None, o.Disposition));
            Assert.Equal(Points.Keys(legacy).Concat(Points.Keys(tagged)).OrderBy(k => k), api.Stored.OrderBy(k => k));
            Assert.Equal(3, api.Requests.Count(r => r.Path == "/v1/metrics"));
            Assert.Single(api.Requests, r => r.Path == "/v1/measurements");
        }

        [Theory]
        [InlineData("/v1/metrics", 200, "text/html", "<html><body>Proxy login</body></html>")]
        [InlineData("/v1/metrics", 200, "application/json", "[]")]
        [InlineData("/v1/metrics", 200, "application/json", "not json")]
        [InlineData("/v1/metrics", 200, "", "ok")]
        [InlineData("/v1/measurements", 202, "application/json", "")]
        [InlineData("/v1/measurements", 200, "text/plain", "{\"errors\":[]}")]
        [InlineData("/v1/measurements", 202, "application/json", "{\"errors\":{\"x\":1}}")]
        [InlineData("/v1/measurements", 202, "application/json", "{\"measurements\":{\"summary\":{\"total\":7}}}")]
        public void A_2xx_that_is_not_the_API_answer_is_retried_and_counts_as_not_sent(string route, int status, string type, string body)
        {
            var api = new ApiScript { Answer = r => ApiScript.Json((HttpStatusCode)status, body, type.Length == 0 ? "application/octet-stream" : type) };
            if (type.Length == 0)
            {
                api.Answer = r =>
                {
                    var response = new HttpResponseMessage((HttpStatusCode)status) { Content = new System.Net.Http.ByteArrayContent(System.Text.Encoding.UTF8.GetBytes(body)) };
                    return response;
                };
            }

            using var sender = new MeasurementSender(api.Client(maxRetries: 2, clock: null), Options());
            var items = route == "/v1/metrics" ? Points.Legacy(3) : Points.Tagged(3);
            var outcome = Assert.Single(SendAll(sender, items));

            Assert.Empty(outcome.Accepted);
            Assert.Equal(3, outcome.Unsent.Count);
            Assert.Equal(LibratoErrorKind.MalformedResponse, outcome.Failure!.Kind);
            Assert.True(outcome.Failure.IsTransient);
            Assert.Contains("not the API's answer", outcome.Failure.Message);
            Assert.Equal(3, api.Requests.Count);
            Assert.Equal(UnsentDisposition.NotKept, outcome.Disposition);
            Assert.Equal(3, outcome.Unkept.Count);
        }

        [Theory]
        [InlineData(301)]
        [InlineData(302)]
        [InlineData(303)]
        [InlineData(307)]
        [InlineData(308)]
        public void A_redirect_is_never_followed_and_names_where_it_led_without_its_secrets(int status)
        {
            var api = new ApiScript
            {
                Answer = r =>
                {
                    var response = new HttpResponseMessage((HttpStatusCode)status);
                    response.Headers.Location = new Uri("https://user:secret@elsewhere.invalid/v1/metrics?token=abc");
                    return response;
                },
            };
            using var sender = new MeasurementSender(api.Client(maxRetries: 3), Options());
            var outcome = Assert.Single(SendAll(sender, Points.Legacy(2)));

            Assert.Single(api.Requests);
            Assert.Equal(2, outcome.Unsent.Count);
            Assert.Equal(LibratoErrorKind.Redirected, outcome.Failure!.Kind);
            Assert.Equal(status, outcome.Failure.StatusCode);
            Assert.Contains("'https://elsewhere.invalid/v1/metrics'", outcome.Failure.Message);
            Assert.Contains("-Endpoint", outcome.Failure.Message);
            Assert.DoesNotContain("secret", outcome.Failure.Message);
            Assert.DoesNotContain("token=abc", outcome.Failure.Message);
            Assert.DoesNotContain("user", outcome.Failure.Message);
            Assert.True(outcome.Failure.IsSessionProblem);
        }

        [Fact]
        public void A_redirect_stops_the_run_so_later_batches_are_not_tried()
        {
            var api = new ApiScript { Answer = r => new HttpResponseMessage(HttpStatusCode.MovedPermanently) };
            using var sender = new MeasurementSender(api.Client(), Options(batchSize: 2));
            var outcomes = SendAll(sender, Points.Legacy(6));

            Assert.Single(api.Requests);
            Assert.True(outcomes[0].Attempted);
            Assert.All(outcomes.Skip(1), o => Assert.False(o.Attempted));
            Assert.All(outcomes.Skip(1), o => Assert.Contains("every request would", o.NotAttemptedReason));
            Assert.Equal(LibratoErrorKind.Redirected, sender.StoppedBy!.Kind);
        }

        [Fact]
        public void A_413_splits_the_batch_in_halves_until_the_server_takes_them()
        {
            var api = new ApiScript { Answer = r => r.Keys.Count > 2 ? new HttpResponseMessage(HttpStatusCode.RequestEntityTooLarge) : null };
            using var sender = new MeasurementSender(api.Client(), Options());
            var outcome = Assert.Single(SendAll(sender, Points.Legacy(8)));

            Assert.Equal(8, outcome.Accepted.Count);
            Assert.Empty(outcome.Refused);
            Assert.Equal(new[] { 8, 4, 2, 2, 4, 2, 2 }, api.Requests.Select(r => r.Keys.Count));
            Assert.Equal(Enumerable.Range(0, 8).Select(i => "s" + i), api.Stored);
        }

        [Fact]
        public void A_single_measurement_too_large_is_refused_and_the_others_go()
        {
            var api = new ApiScript { Answer = r => r.Keys.Contains("s2") ? new HttpResponseMessage(HttpStatusCode.RequestEntityTooLarge) : null };
            using var sender = new MeasurementSender(api.Client(), Options());
            var outcome = Assert.Single(SendAll(sender, Points.Legacy(4)));

            var refused = Assert.Single(outcome.Refused);
            Assert.Equal("s2", refused.Measurement.Source);
            Assert.Equal(LibratoErrorKind.PayloadTooLarge, refused.Error!.Kind);
            Assert.Equal(new[] { "s0", "s1", "s3" }, Points.Keys(outcome.Accepted));
            Assert.Empty(outcome.Unsent);
        }

        private static HttpResponseMessage TypeConflict(string name) =>
            ApiScript.Json(HttpStatusCode.BadRequest, "{\"errors\":{\"params\":{\"type\":[\"'" + name + "' is a counter, but was submitted as different type\"]}}}");

        [Fact]
        public void A_legacy_400_naming_a_metric_refuses_only_that_metric()
        {
            var items = Points.Legacy(9);
            items.Add(new Measurement("bad.metric", 1) { Source = "s9", Time = Points.Time });
            var api = new ApiScript { Answer = r => r.Body.Contains("bad.metric") ? TypeConflict("bad.metric") : null };
            using var sender = new MeasurementSender(api.Client(), Options());
            var outcome = Assert.Single(SendAll(sender, items));

            var refused = Assert.Single(outcome.Refused);
            Assert.Equal("s9", refused.Measurement.Source);
            Assert.Contains("is a counter", refused.Reason);
            Assert.Equal(9, outcome.Accepted.Count);
            Assert.Equal(3, api.Requests.Count);
            Assert.Equal(Enumerable.Range(0, 9).Select(i => "s" + i), api.Stored);
        }

        [Fact]
        public void Measurements_of_one_metric_refused_by_name_are_refused_together_without_bisection()
        {
            var items = Points.Legacy(5).Concat(Points.Legacy(5, "bad.metric", 5)).ToList();
            var api = new ApiScript { Answer = r => r.Body.Contains("bad.metric") ? TypeConflict("bad.metric") : null };
            using var sender = new MeasurementSender(api.Client(), Options());
            var outcome = Assert.Single(SendAll(sender, items));

            Assert.Equal(new[] { "s5", "s6", "s7", "s8", "s9" }, outcome.Refused.Select(r => r.Measurement.Source));
            Assert.Equal(5, outcome.Accepted.Count);
            Assert.Equal(3, api.Requests.Count);
        }

        [Fact]
        public void A_400_naming_nothing_is_bisected_until_the_bad_measurement_is_alone()
        {
            var api = new ApiScript
            {
                Answer = r => r.Keys.Contains("s5") ? ApiScript.Json(HttpStatusCode.BadRequest, "{\"errors\":{\"params\":{\"measure_time\":[\"is too far in the past\"]}}}") : null,
            };
            using var sender = new MeasurementSender(api.Client(), Options());
            var outcome = Assert.Single(SendAll(sender, Points.Legacy(8)));

            var refused = Assert.Single(outcome.Refused);
            Assert.Equal("s5", refused.Measurement.Source);
            Assert.Equal("measure_time: is too far in the past", refused.Reason);
            Assert.Equal(7, outcome.Accepted.Count);
            Assert.Equal(new[] { 8, 4, 4, 2, 1, 1, 2 }, api.Requests.Select(r => r.Keys.Count));
        }

        [Fact]
        public void Other_refusals_refuse_the_batch_and_the_run_goes_on()
        {
            var api = new ApiScript { Answer = r => r.Index == 0 ? ApiScript.Json((HttpStatusCode)422, "{\"errors\":{\"request\":[\"no\"]}}") : null };
            using var sender = new MeasurementSender(api.Client(), Options(batchSize: 2));
            var outcomes = SendAll(sender, Points.Legacy(4));

            Assert.Equal(2, outcomes[0].Refused.Count);
            Assert.All(outcomes[0].Refused, r => Assert.Equal("no", r.Reason));
            Assert.Equal(2, outcomes[1].Accepted.Count);
        }

        [Fact]
        public void Partly_refused_tagged_batches_name_each_refused_measurement()
        {
            var api = new ApiScript
            {
                Answer = r => ApiScript.Json(HttpStatusCode.Accepted, "{\"measurements\":{\"summary\":{\"total\":3,\"accepted\":2,\"failed\":1}},\"errors\":[{\"index\":1,\"param\":\"value\",\"reason\":\"too big\"}]}"),
            };
            using var sender = new MeasurementSender(api.Client(), Options());
            var outcome = Assert.Single(SendAll(sender, Points.Tagged(3)));

            var refused = Assert.Single(outcome.Refused);
            Assert.Equal("s1", refused.Measurement.Tags!["n"]);
            Assert.Equal("value: too big", refused.Reason);
            Assert.Null(refused.Error);
            Assert.Equal(new[] { "s0", "s2" }, Points.Keys(outcome.Accepted));
        }

        [Fact]
        public async Task Retries_end_at_the_time_limit_and_later_batches_are_not_tried()
        {
            // Every attempt times out after 3 s: the first batch's third attempt ends past the 10 s limit.
            var clock = ApiScript.Clock();
            var api = new ApiScript { Hold = r => true };
            using var sender = new MeasurementSender(
                api.Client(clock, maxRetries: 5, timeout: TimeSpan.FromSeconds(3)), Options(batchSize: 1, maxDuration: TimeSpan.FromSeconds(10)));
            var start = clock.GetUtcNow();
            var outcomes = await Points.Run(clock, Task.Run(() => SendAll(sender, Points.Legacy(10))));

            Assert.All(outcomes, o => Assert.Single(o.Unsent));
            Assert.True(outcomes[0].Attempted);
            Assert.Equal(LibratoErrorKind.Timeout, outcomes[0].Failure!.Kind);
            Assert.All(outcomes.Skip(1), o => Assert.False(o.Attempted));
            Assert.All(outcomes.Skip(1), o => Assert.Contains("time limit of 10 s has passed and the API is failing", o.NotAttemptedReason));
            Assert.Equal(3, api.Requests.Count);

            // The limit and one request timeout, and a few seconds for the test's clock, which runs on while the engine works.
            Assert.True(clock.GetUtcNow() - start <= TimeSpan.FromSeconds(10 + 3 + 2), (clock.GetUtcNow() - start).ToString());
        }

        [Fact]
        public async Task A_total_outage_of_50000_measurements_ends_within_the_limit_and_one_request_timeout()
        {
            var clock = ApiScript.Clock();
            var api = new ApiScript { Hold = r => true };
            using var sender = new MeasurementSender(api.Client(clock, maxRetries: 5, timeout: TimeSpan.FromSeconds(10)), Options(throttle: 2, maxDuration: TimeSpan.FromSeconds(60)));
            var start = clock.GetUtcNow();
            var outcomes = await Points.Run(clock, Task.Run(() => SendAll(sender, Points.Legacy(50000))), TimeSpan.FromMilliseconds(100));

            Assert.Equal(50000, outcomes.Sum(o => o.Unsent.Count));
            Assert.Equal(50000, outcomes.Sum(o => o.Unkept.Count));
            Assert.All(outcomes, o => Assert.Equal(UnsentDisposition.NotKept, o.Disposition));
            Assert.Equal(LibratoErrorKind.Timeout, outcomes[0].Failure!.Kind);

            // The limit and one request timeout, and a few seconds for the test's clock, which runs on while the engine
            // works (without the limit, the same outage takes hours).
            Assert.True(clock.GetUtcNow() - start <= TimeSpan.FromSeconds(60 + 10 + 5), (clock.GetUtcNow() - start).ToString());
        }

        /// <summary>A 429 with the headers the test gives it.</summary>
        private static HttpResponseMessage TooMany(Action<HttpResponseMessage> headers)
        {
            var response = new HttpResponseMessage((HttpStatusCode)429);
            headers(response);
            return response;
        }

        [Fact]
        public async Task Retry_after_is_honoured_up_to_the_longest_retry_wait()
        {
            var clock = ApiScript.Clock();
            var answered = new List<DateTimeOffset>();
            var api = ApiScript.Timed(clock, answered, r => r.Index > 0 ? null : TooMany(response =>
                response.Headers.RetryAfter = new System.Net.Http.Headers.RetryConditionHeaderValue(TimeSpan.FromSeconds(100))));
            var trace = new ListTrace();
            var options = Options();
            options.Trace = trace;
            using var sender = new MeasurementSender(api.Client(clock, maxRetries: 1), options);
            var outcome = Assert.Single(await Points.Run(clock, Task.Run(() => SendAll(sender, Points.Legacy(1))), TimeSpan.FromMilliseconds(50)));

            Assert.Single(outcome.Accepted);
            Assert.Equal(new[] { 8.0 }, trace.RetryWaits());
            Assert.True((answered[1] - answered[0]).TotalSeconds >= 8);
        }

        [Theory]
        [InlineData("X-Librato-RateLimit-Agg")]
        [InlineData("X-Librato-RateLimit-Std")]
        public async Task An_exhausted_rate_limit_waits_until_its_reset(string header)
        {
            var clock = ApiScript.Clock();
            var answered = new List<DateTimeOffset>();
            var api = ApiScript.Timed(clock, answered, r => r.Index > 0 ? null : TooMany(response =>
                response.Headers.Add(header, $"limit=100,remaining=0,reset={clock.GetUtcNow().ToUnixTimeSeconds() + 5}")));
            var trace = new ListTrace();
            var options = Options();
            options.Trace = trace;
            using var sender = new MeasurementSender(api.Client(clock, maxRetries: 1), options);
            await Points.Run(clock, Task.Run(() => SendAll(sender, Points.Legacy(1))), TimeSpan.FromMilliseconds(50));

            Assert.Equal(new[] { 5.0 }, trace.RetryWaits());
            Assert.True((answered[1] - answered[0]).TotalSeconds >= 5);
        }

        [Fact]
        public void Stop_hands_back_every_measurement_not_delivered_and_nothing_more_is_taken()
        {
            var api = new ApiScript { Hold = r => r.Index == 0 };
            var sender = new MeasurementSender(api.Client(), Options(throttle: 1));
            var adding = Task.Run(() =>
            {
                foreach (var m in Points.Legacy(700))
                {
                    if (!sender.Add(m))
                    {
                        return false;
                    }
                }

                return true;
            });

            // The first batch is held; the second waits for room; the rest waits behind it.
            SpinWait.SpinUntil(() => sender.Waiting == 300 && sender.Dispatched == 1, TimeSpan.FromSeconds(10));
            var left = sender.Stop();

            Assert.Equal(Enumerable.Range(0, 600).Select(i => "s" + i), Points.Keys(left).OrderBy(k => int.Parse(k.Substring(1))));
            Assert.Throws<AggregateException>(() => adding.Wait(TimeSpan.FromSeconds(10)));
            Assert.False(sender.Add(new Measurement("late", 1) { Time = Points.Time }));
            Assert.False(sender.TryTakeOutcome(out _));
            sender.Close();
        }

        [Fact]
        public void A_partial_batch_goes_out_once_its_first_measurement_waited_long_enough()
        {
            var clock = ApiScript.Clock();
            var api = new ApiScript();
            var options = Options();
            options.MaxBatchAge = TimeSpan.FromSeconds(5);
            using var sender = new MeasurementSender(api.Client(clock), options);
            foreach (var m in Points.Legacy(5))
            {
                sender.Add(m);
            }

            clock.Advance(TimeSpan.FromSeconds(4));
            Assert.Empty(api.Requests);
            clock.Advance(TimeSpan.FromSeconds(2));
            Assert.True(SpinWait.SpinUntil(() => sender.HasOutcome, TimeSpan.FromSeconds(10)));
            Assert.True(sender.TryTakeOutcome(out var outcome));
            Assert.Equal(5, outcome!.Accepted.Count);
            Assert.Equal(0, sender.Waiting);
        }

        [Fact]
        public void Without_an_outbox_what_is_in_memory_at_process_exit_is_handed_to_the_exit_callback()
        {
            IReadOnlyList<Measurement>? lost = null;
            var api = new ApiScript();
            var options = Options();
            options.ProcessExiting = m => lost = m;
            var sender = new MeasurementSender(api.Client(), options);
            foreach (var m in Points.Legacy(5))
            {
                sender.Add(m);
            }

            sender.OnProcessExit();
            Assert.Equal(Points.Keys(Points.Legacy(5)), Points.Keys(lost!));
            Assert.Empty(api.Requests);
        }

        [Fact]
        public void With_an_outbox_each_batch_is_on_disk_before_it_is_sent_and_a_delivered_run_leaves_nothing()
        {
            using var scratch = new ScratchFolder("sender-outbox");
            var folder = scratch.Path;
            var sizes = new List<long>();
            var api = new ApiScript
            {
                Answer = r =>
                {
                    // What the outbox holds when the request arrives: the file's size, without opening it.
                    lock (sizes)
                    {
                        sizes.Add(Directory.GetFiles(folder, "*" + Librato.Api.Outbox.Extension).Sum(f => new FileInfo(f).Length));
                    }

                    return null;
                },
            };
            using (var sender = new MeasurementSender(api.Client(), Options(batchSize: 10, throttle: 2, outbox: new Librato.Api.Outbox(folder))))
            {
                var outcomes = SendAll(sender, Points.Legacy(1000));
                Assert.Equal(1000, outcomes.Sum(o => o.Accepted.Count));
                Assert.Equal(0, sender.Close());
            }

            // The first request found at least its own ten lines (some 50 bytes each) after the format line.
            Assert.True(sizes[0] >= 40 + (10 * 50), sizes[0].ToString());
            Assert.Empty(Directory.GetFiles(folder, "*" + Librato.Api.Outbox.Extension));
        }

        [Fact]
        public void What_a_run_cannot_deliver_waits_in_the_outbox_and_the_next_run_delivers_it_first()
        {
            using var scratch = new ScratchFolder("sender-outbox");
            var folder = scratch.Path;
            var outbox = new Librato.Api.Outbox(folder);
            var failing = new ApiScript { Answer = r => new HttpResponseMessage(HttpStatusCode.ServiceUnavailable) };
            using (var first = new MeasurementSender(failing.Client(), Options(batchSize: 10, outbox: outbox)))
            {
                var outcomes = SendAll(first, Points.Legacy(30));
                Assert.All(outcomes, o => Assert.Equal(UnsentDisposition.KeptInOutbox, o.Disposition));
                Assert.All(outcomes, o => Assert.Empty(o.Unkept));
                Assert.All(outcomes, o => Assert.Equal(folder, o.OutboxDirectory));
                Assert.Equal(30, first.Close());
            }

            var api = new ApiScript();
            using (var next = new MeasurementSender(api.Client(), Options(batchSize: 10, outbox: outbox)))
            {
                var delivery = next.DeliverOutbox(MeasurementValidator.Default, CancellationToken.None);
                Assert.Equal(30, delivery.Sent);
                Assert.Equal(3, delivery.Batches);
                Assert.Equal(1, delivery.Files);
                Assert.Equal(0, delivery.Remaining);
                Assert.Null(delivery.StoppedBy);
                Assert.Equal(30, next.DeliveredFromOutbox);
                Assert.Equal(Points.Keys(Points.Legacy(30)), api.Stored);
                Assert.True(next.TryTakeNotice(out var notice));
                Assert.Equal(SenderNoticeKind.OutboxFileDelivered, notice!.Kind);
            }

            Assert.Empty(Directory.GetFiles(folder, "*" + Librato.Api.Outbox.Extension));
        }

        [Fact]
        public void A_delivery_stops_at_the_first_failure_and_keeps_what_is_left()
        {
            using var scratch = new ScratchFolder("sender-outbox");
            var folder = scratch.Path;
            var outbox = new Librato.Api.Outbox(folder);
            var failing = new ApiScript { Answer = r => new HttpResponseMessage(HttpStatusCode.ServiceUnavailable) };
            foreach (var run in new[] { 0, 100 })
            {
                using var first = new MeasurementSender(failing.Client(), Options(batchSize: 10, outbox: outbox));
                SendAll(first, Points.Legacy(20, first: run));
            }

            // The second request fails: the first file is half delivered, the second untouched.
            var api = new ApiScript { Answer = r => r.Index == 1 ? new HttpResponseMessage(HttpStatusCode.ServiceUnavailable) : null };
            using (var next = new MeasurementSender(api.Client(), Options(batchSize: 10, outbox: outbox)))
            {
                var delivery = next.DeliverOutbox(MeasurementValidator.Default, CancellationToken.None);
                Assert.Equal(10, delivery.Sent);
                Assert.Equal(LibratoErrorKind.ServerError, delivery.StoppedBy!.Kind);
                Assert.Equal(2, delivery.Remaining);
            }

            var retry = new ApiScript();
            using (var last = new MeasurementSender(retry.Client(), Options(batchSize: 10, outbox: outbox)))
            {
                Assert.Equal(30, last.DeliverOutbox(MeasurementValidator.Default, CancellationToken.None).Sent);
            }

            Assert.Equal(Enumerable.Range(10, 10).Concat(Enumerable.Range(100, 20)).Select(i => "s" + i), retry.Stored);
        }

        [Fact]
        public void A_certificate_failure_stops_the_run()
        {
            var failure = new LibratoApiException(LibratoErrorKind.CertificateInvalid, "POST", "v1/metrics", null, new[] { "untrusted" });
            var budget = new SendBudget(TimeProvider.System, null);
            budget.Failed(failure);
            Assert.False(budget.MayAttempt(out var reason));
            Assert.Same(failure, reason);
            Assert.Same(failure, budget.StoppedBy);
        }
    }
}
