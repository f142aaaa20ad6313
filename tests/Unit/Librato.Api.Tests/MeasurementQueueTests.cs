using System;
using System.Collections.Generic;
using System.Linq;
using System.Net;
using System.Text.Json;
using System.Threading;
using System.Threading.Tasks;
using Librato.Api;
using Xunit;

namespace Librato.Api.Tests
{
    public class MeasurementQueueTests
    {
        private static IEnumerable<string> SentNames(ScriptedHandler handler, bool successfulOnly = true) =>
            handler.Requests
                .Where(r => !successfulOnly || (int)r.Status < 300)
                .SelectMany(r =>
                {
                    using var doc = JsonDocument.Parse(r.Body);
                    var names = new List<string>();
                    foreach (var group in new[] { "gauges", "counters", "measurements" })
                    {
                        if (doc.RootElement.TryGetProperty(group, out var items))
                        {
                            names.AddRange(items.EnumerateArray().Select(i => i.GetProperty("name").GetString()!));
                        }
                    }

                    return names;
                });

        [Fact]
        public void Submits_in_batches_and_empties_the_queue()
        {
            var handler = new ScriptedHandler();
            using var queue = new MeasurementQueue(ScriptedHandler.Client(handler), new MeasurementQueueOptions { BatchSize = 3 });
            for (var i = 0; i < 7; i++)
            {
                queue.Add(new Measurement("m" + i, i));
            }

            var result = queue.Submit();
            Assert.Equal(7, result.Sent);
            Assert.Equal(3, result.Batches);
            Assert.Equal(0, queue.Count);

            // Two batches are on their way at once: they may arrive in either order.
            Assert.Equal(Enumerable.Range(0, 7).Select(i => "m" + i), SentNames(handler).OrderBy(n => n, StringComparer.Ordinal));
        }

        [Fact]
        public void A_transient_failure_keeps_the_rest_and_never_resends_an_accepted_batch()
        {
            // One batch at a time, so that the failing second request is the second batch.
            var handler = new ScriptedHandler((call, _) => call == 1 ? HttpStatusCode.ServiceUnavailable : HttpStatusCode.OK);
            using var queue = new MeasurementQueue(ScriptedHandler.Client(handler), new MeasurementQueueOptions { BatchSize = 2, ThrottleLimit = 1 });
            for (var i = 0; i < 6; i++)
            {
                queue.Add(new Measurement("m" + i, i));
            }

            var first = queue.Submit();
            Assert.Equal(2, first.Sent);
            Assert.NotNull(first.StoppedBy);
            Assert.Equal(LibratoErrorKind.ServerError, first.StoppedBy!.Kind);
            Assert.Equal(4, queue.Count);
            Assert.Empty(queue.Failed);

            var second = queue.Submit();
            Assert.Equal(4, second.Sent);
            Assert.Null(second.StoppedBy);
            Assert.Equal(0, queue.Count);
            var sent = SentNames(handler).ToList();
            Assert.Equal(Enumerable.Range(0, 6).Select(i => "m" + i), sent);
        }

        [Fact]
        public void A_refused_measurement_moves_to_failed_and_the_others_go_on()
        {
            // The API refuses any request that carries m1, naming nothing: the batch is bisected until m1 is alone.
            var handler = new ScriptedHandler((_, body) => body.Contains("\"m1\"") ? HttpStatusCode.BadRequest : HttpStatusCode.OK);
            using var queue = new MeasurementQueue(ScriptedHandler.Client(handler), new MeasurementQueueOptions { BatchSize = 2 });
            for (var i = 0; i < 5; i++)
            {
                queue.Add(new Measurement("m" + i, i));
            }

            var result = queue.Submit();
            Assert.Equal(4, result.Sent);
            var failed = Assert.Single(result.Failed);
            Assert.Equal(new[] { "m1" }, failed.Measurements.Select(m => m.Name));
            Assert.Equal(LibratoErrorKind.InvalidRequest, failed.Error!.Kind);
            Assert.Single(queue.Failed);
            Assert.Equal(0, queue.Count);
            Assert.Single(queue.TakeUnreportedFailures());
            Assert.Empty(queue.TakeUnreportedFailures());
        }

        [Fact]
        public void Measurements_the_api_refuses_inside_an_accepted_batch_are_kept_as_failed()
        {
            var handler = new ScriptedHandler((_, _) => HttpStatusCode.Accepted)
            {
                ResponseBody = "{\"measurements\":{\"summary\":{\"total\":2,\"accepted\":1,\"failed\":1}},\"errors\":[{\"index\":1,\"param\":\"name\",\"reason\":\"is invalid\"}]}",
            };
            using var queue = new MeasurementQueue(ScriptedHandler.Client(handler));
            var tags = new Dictionary<string, string> { ["k"] = "v" };
            queue.Add(new Measurement("ok", 1) { Tags = tags });
            queue.Add(new Measurement("refused", 2) { Tags = tags });
            var result = queue.Submit();
            Assert.Equal(1, result.Sent);
            Assert.Equal("refused", Assert.Single(Assert.Single(result.Failed).Measurements).Name);
        }

        [Fact]
        public void Submits_by_itself_when_the_count_is_reached()
        {
            var handler = new ScriptedHandler();
            using var queue = new MeasurementQueue(ScriptedHandler.Client(handler), new MeasurementQueueOptions { AutoSubmitCount = 3 });
            queue.Add(new Measurement("a", 1));
            queue.Add(new Measurement("b", 1));
            Assert.Empty(handler.Requests);
            queue.Add(new Measurement("c", 1));
            Assert.Single(handler.Requests);
            Assert.Equal(0, queue.Count);
        }

        [Fact]
        public async Task Submits_from_a_timer_without_further_adds()
        {
            var handler = new ScriptedHandler();
            using var queue = new MeasurementQueue(ScriptedHandler.Client(handler), new MeasurementQueueOptions { AutoSubmitInterval = TimeSpan.FromMilliseconds(100) });
            queue.Add(new Measurement("a", 1));
            var deadline = DateTime.UtcNow.AddSeconds(5);
            while (queue.Count > 0 && DateTime.UtcNow < deadline)
            {
                await Task.Delay(20);
            }

            Assert.Equal(0, queue.Count);
            Assert.Equal(new[] { "a" }, SentNames(handler));
            Assert.NotNull(queue.LastSubmit);
        }

        [Fact]
        public void Parallel_adders_lose_and_duplicate_nothing()
        {
            var handler = new ScriptedHandler();
            using var queue = new MeasurementQueue(ScriptedHandler.Client(handler), new MeasurementQueueOptions { AutoSubmitCount = 250, BatchSize = 100 });
            Parallel.For(0, 8, new ParallelOptions { MaxDegreeOfParallelism = 8 }, t =>
            {
                for (var i = 0; i < 1000; i++)
                {
                    queue.Add(new Measurement($"t{t}.m{i}", i));
                }
            });
            queue.Submit();
            var sent = SentNames(handler).ToList();
            Assert.Equal(8000, sent.Count);
            Assert.Equal(8000, sent.Distinct().Count());
        }

        [Fact]
        public void Invalid_measurements_are_refused_when_added()
        {
            using var queue = new MeasurementQueue(ScriptedHandler.Client(new ScriptedHandler()));
            var ex = Assert.Throws<MeasurementValidationException>(() => queue.Add(new Measurement("bad name", 1)));
            Assert.Equal(ValidationCodes.InvalidMetricName, ex.Error.Code);
            Assert.Equal(0, queue.Count);
        }

        [Fact]
        public void Queue_tags_apply_to_gauges_without_their_own_and_merge_when_inheriting()
        {
            var options = new MeasurementQueueOptions
            {
                Tags = new Dictionary<string, string> { ["env"] = "prod" },
                DefaultTags = new Dictionary<string, string> { ["region"] = "us" },
            };
            using var queue = new MeasurementQueue(ScriptedHandler.Client(new ScriptedHandler()), options);
            queue.Add(new Measurement("plain", 1));
            queue.Add(new Measurement("own", 1) { Tags = new Dictionary<string, string> { ["city"] = "austin" } });
            var pending = queue.Pending;
            Assert.Equal(new Dictionary<string, string> { ["env"] = "prod" }, pending[0].Tags);
            Assert.Equal(new Dictionary<string, string> { ["city"] = "austin" }, pending[1].Tags);

            options.InheritTags = true;
            queue.Add(new Measurement("merged", 1) { Tags = new Dictionary<string, string> { ["city"] = "austin" } });
            Assert.Equal(3, queue.Pending.Last().Tags!.Count);
        }
    }
}
