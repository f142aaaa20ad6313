using System;
using System.Linq;
using System.Net.Http;
using System.Text;
using System.Threading.Tasks;
using Librato.Api;
using Xunit;

namespace Librato.Api.Tests
{
    /// <summary>
    /// For each fault the emulator injects, 100,000 measurements submitted through a queue are either stored exactly
    /// once or listed as failed, and the two add up to 100,000.
    /// </summary>
    public class FaultMatrixTests : IClassFixture<EmulatorFixture>
    {
        private const int Total = 100_000;
        private readonly EmulatorFixture emulator;

        public FaultMatrixTests(EmulatorFixture emulator)
        {
            this.emulator = emulator;
        }

        [Theory]
        [InlineData("{\"kind\":\"status\",\"status\":503,\"count\":4}", 5)]
        [InlineData("{\"kind\":\"status\",\"status\":429,\"retry_after\":1,\"count\":2}", 5)]
        [InlineData("{\"kind\":\"drop\",\"count\":3}", 5)]
        [InlineData("{\"kind\":\"delay\",\"delay_ms\":2500,\"count\":2}", 5)]
        [InlineData("{\"kind\":\"truncate\",\"count\":3}", 5)]
        [InlineData("{\"kind\":\"stored-then-5xx\",\"status\":500,\"count\":3}", 5)]
        [InlineData("{\"kind\":\"status\",\"status\":503,\"count\":6}", 1)]
        public async Task Every_measurement_is_stored_once_or_reported(string fault, int maxRetries)
        {
            var metric = "matrix." + Guid.NewGuid().ToString("N").Substring(0, 10);
            using var http = new HttpClient { BaseAddress = emulator.BaseAddress };
            var definition = fault.TrimEnd('}') + ",\"match\":{\"method\":\"POST\",\"path\":\"/v1/measurements\"}}";
            (await http.PostAsync("_emulator/faults", new StringContent(definition, Encoding.UTF8, "application/json"))).EnsureSuccessStatusCode();

            using var client = new LibratoClient(
                new LibratoCredentials(EmulatorFixture.Email, EmulatorFixture.Token),
                new LibratoClientOptions
                {
                    Endpoint = emulator.BaseAddress,
                    Timeout = TimeSpan.FromSeconds(1),
                    MaxRetries = maxRetries,
                    RetryBaseDelay = TimeSpan.FromMilliseconds(50),
                    MaxRetryDelay = TimeSpan.FromSeconds(1),
                });
            using var queue = new MeasurementQueue(client, new MeasurementQueueOptions { BatchSize = 1000 });
            var time = EpochTime.Now() - 60;
            for (var i = 0; i < Total; i++)
            {
                queue.Enqueue(new Measurement(metric, i) { Time = time, Tags = new System.Collections.Generic.Dictionary<string, string> { ["host"] = "h" + i } });
            }

            // Transient failures stop a submission and keep the rest queued; submitting again goes on from there.
            for (var round = 0; round < 10 && queue.Count > 0; round++)
            {
                await queue.SubmitAsync();
            }

            var stored = emulator.Host.State.GetStats(EmulatorFixture.Email).PerMetric.TryGetValue(metric, out var stats) ? stats.Measurements : 0;
            var failed = queue.Failed.Sum(f => f.Measurements.Count);
            Assert.Equal(0, queue.Count);
            Assert.Equal(Total, stored + failed);
            Assert.Equal(0, failed);
        }
    }
}
