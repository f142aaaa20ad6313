using System;
using System.Collections.Generic;
using System.Linq;
using System.Net;
using System.Net.Http;
using System.Text;
using System.Threading;
using System.Threading.Tasks;
using Librato.Api;
using Xunit;

namespace Librato.Api.Tests
{
    public class AlertClientTests : IClassFixture<EmulatorFixture>
    {
        private readonly EmulatorFixture emulator;

        public AlertClientTests(EmulatorFixture emulator)
        {
            this.emulator = emulator;
        }

        private static string Unique(string prefix) => prefix + "." + Guid.NewGuid().ToString("N").Substring(0, 12);

        private static AlertDefinition Above(string name, string metric, double threshold, params long[] services) => new AlertDefinition
        {
            Name = name,
            Conditions = new List<AlertCondition> { new AlertCondition { Type = "above", MetricName = metric, Threshold = threshold } },
            ServiceIds = services.ToList(),
        };

        [Fact]
        public async Task Services_are_created_listed_updated_and_deleted()
        {
            using var client = emulator.CreateClient();
            var title = Unique("svc");
            var created = await client.CreateServiceAsync(new ServiceDefinition
            {
                Title = title,
                Type = "mail",
                Settings = new Dictionary<string, object?> { ["addresses"] = "ops@example.com" },
            });
            Assert.True(created.Id > 0);
            Assert.Equal("ops@example.com", created.Settings["addresses"]);

            var update = ServiceDefinition.From(created);
            update.Title = title + ".renamed";
            await client.UpdateServiceAsync(created.Id, update);
            var read = await client.GetServiceAsync(created.Id);
            Assert.Equal(title + ".renamed", read.Title);
            Assert.Equal("ops@example.com", read.Settings["addresses"]);

            var listed = new List<LibratoService>();
            var offset = 0;
            Page<LibratoService> page;
            do
            {
                page = await client.ListServicesAsync(offset, 2);
                listed.AddRange(page.Items);
                offset = page.NextOffset;
            }
            while (page.HasMore);
            Assert.Contains(listed, s => s.Id == created.Id);

            await client.DeleteServiceAsync(created.Id);
            var missing = await Assert.ThrowsAsync<LibratoApiException>(() => client.GetServiceAsync(created.Id));
            Assert.Equal(LibratoErrorKind.NotFound, missing.Kind);
        }

        [Fact]
        public async Task A_created_alert_comes_back_with_its_conditions_and_services()
        {
            using var client = emulator.CreateClient();
            var service = await client.CreateServiceAsync(new ServiceDefinition { Title = Unique("svc"), Type = "slack", Settings = new Dictionary<string, object?> { ["url"] = "https://hooks.example/x" } });
            var name = Unique("alert");
            var definition = Above(name, "cpu", 42, service.Id);
            definition.Description = "an alert description";
            definition.Attributes = new Dictionary<string, object?> { [AlertDefinition.RunbookUrlAttribute] = "https://runbooks.example/cpu" };
            definition.RearmSeconds = 1200;

            var alert = await client.CreateAlertAsync(definition);
            Assert.True(alert.Id > 0);
            var condition = Assert.Single(alert.Conditions);
            Assert.NotNull(condition.Id);
            Assert.Equal(42, condition.Threshold);
            Assert.Equal(service.Title, Assert.Single(alert.Services).Title);
            Assert.Equal("https://runbooks.example/cpu", alert.RunbookUrl);
            Assert.Equal(1200, alert.RearmSeconds);
            Assert.Equal("an alert description", alert.Description);
        }

        [Fact]
        public async Task Find_returns_the_exact_name_only()
        {
            using var client = emulator.CreateClient();
            var name = Unique("find");
            await client.CreateAlertAsync(Above(name + ".longer", "cpu", 1));
            await client.CreateAlertAsync(Above(name, "cpu", 2));

            var found = await client.FindAlertAsync(name.ToUpperInvariant());
            Assert.NotNull(found);
            Assert.Equal(name, found!.Name);
            Assert.Null(await client.FindAlertAsync(name + ".nope"));
            var page = await client.ListAlertsAsync(name);
            Assert.Equal(2, page.Items.Count);
        }

        [Fact]
        public async Task An_update_writes_the_whole_alert()
        {
            using var client = emulator.CreateClient();
            var service = await client.CreateServiceAsync(new ServiceDefinition { Title = Unique("svc"), Type = "mail", Settings = new Dictionary<string, object?> { ["addresses"] = "a@example.com" } });
            var alert = await client.CreateAlertAsync(Above(Unique("update"), "cpu", 80, service.Id));

            var definition = AlertDefinition.From(alert);
            definition.Active = false;
            await client.UpdateAlertAsync(alert.Id, definition);

            var read = await client.GetAlertAsync(alert.Id);
            Assert.False(read.Active);
            Assert.Equal(alert.Conditions[0].Id, Assert.Single(read.Conditions).Id);
            Assert.Equal(service.Id, Assert.Single(read.Services).Id);
        }

        [Fact]
        public async Task Services_attach_and_detach_and_status_follows_the_emulator()
        {
            using var client = emulator.CreateClient();
            var service = await client.CreateServiceAsync(new ServiceDefinition { Title = Unique("svc"), Type = "mail", Settings = new Dictionary<string, object?> { ["addresses"] = "a@example.com" } });
            var alert = await client.CreateAlertAsync(Above(Unique("status"), "status.metric", 1));

            await client.AddAlertServiceAsync(alert.Id, service.Id);
            Assert.Single((await client.GetAlertAsync(alert.Id)).Services);
            await client.RemoveAlertServiceAsync(alert.Id, service.Id);
            Assert.Empty((await client.GetAlertAsync(alert.Id)).Services);

            Assert.Equal("ok", (await client.GetAlertStatusAsync(alert.Id)).Status);
            using (var http = new HttpClient { BaseAddress = emulator.BaseAddress })
            {
                (await http.PostAsync("_emulator/alerts/" + alert.Id + "/trigger", null)).EnsureSuccessStatusCode();
            }

            var status = await client.GetAlertStatusAsync(alert.Id);
            Assert.True(status.IsFiring);
            Assert.Contains(await client.GetAlertStatusesAsync(), s => s.AlertId == alert.Id && s.IsFiring && s.TriggeredAt.HasValue);

            await client.ClearAlertAsync(alert.Id);
            Assert.Equal("ok", (await client.GetAlertStatusAsync(alert.Id)).Status);
            Assert.Contains(await client.GetAlertStatusesAsync(), s => s.AlertId == alert.Id && s.Status == "cleared" && s.ClearedAt.HasValue);

            await client.DeleteAlertAsync(alert.Id);
            var missing = await Assert.ThrowsAsync<LibratoApiException>(() => client.GetAlertAsync(alert.Id));
            Assert.Equal(LibratoErrorKind.NotFound, missing.Kind);
        }

        [Fact]
        public async Task An_invalid_alert_is_refused_before_any_request()
        {
            var handler = new SequenceHandler();
            using var client = new LibratoClient(new LibratoCredentials("a@b.c", "t"), new LibratoClientOptions { Endpoint = new Uri("https://api.invalid") }, handler);
            var definition = new AlertDefinition
            {
                Name = "a",
                Conditions = new List<AlertCondition> { new AlertCondition { Type = "absent", MetricName = "m" } },
                RearmSeconds = 90,
            };

            var ex = await Assert.ThrowsAsync<AlertValidationException>(() => client.CreateAlertAsync(definition));
            Assert.Equal(new[] { AlertValidationCodes.AbsentWithoutDuration, AlertValidationCodes.InvalidRearmSeconds }, ex.Errors.Select(e => e.Code));
            await Assert.ThrowsAsync<AlertValidationException>(() => client.UpdateAlertAsync(1, definition));
            Assert.Empty(handler.Paths);
        }

        [Fact]
        public async Task A_create_answer_without_conditions_and_services_is_completed_by_a_read()
        {
            var handler = new SequenceHandler(
                (HttpStatusCode.Created, "{\"id\":77,\"name\":\"my.alert\",\"conditions\":[],\"services\":[]}"),
                (HttpStatusCode.OK, "{\"id\":77,\"name\":\"my.alert\",\"conditions\":[{\"id\":1,\"type\":\"above\",\"metric_name\":\"cpu\",\"threshold\":42}],\"services\":[{\"id\":9,\"title\":\"ops\",\"type\":\"mail\",\"settings\":{}}]}"));
            using var client = new LibratoClient(new LibratoCredentials("a@b.c", "t"), new LibratoClientOptions { Endpoint = new Uri("https://api.invalid") }, handler);

            var alert = await client.CreateAlertAsync(Above("my.alert", "cpu", 42, 9));
            Assert.Equal(new[] { "POST /v1/alerts", "GET /v1/alerts/77" }, handler.Paths);
            Assert.Single(alert.Conditions);
            Assert.Equal("ops", Assert.Single(alert.Services).Title);
        }

        /// <summary>Answers each request with the next scripted status and body.</summary>
        private sealed class SequenceHandler : HttpMessageHandler
        {
            private readonly Queue<(HttpStatusCode Status, string Body)> answers;

            public SequenceHandler(params (HttpStatusCode, string)[] answers)
            {
                this.answers = new Queue<(HttpStatusCode, string)>(answers);
            }

            public List<string> Paths { get; } = new List<string>();

            protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
            {
                Paths.Add(request.Method.Method + " " + request.RequestUri!.AbsolutePath);
                var (status, body) = answers.Dequeue();
                return Task.FromResult(new HttpResponseMessage(status) { Content = new StringContent(body, Encoding.UTF8, "application/json") });
            }
        }
    }
}
