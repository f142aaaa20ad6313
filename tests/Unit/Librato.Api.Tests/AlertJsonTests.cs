using System.Collections.Generic;
using System.Linq;
using System.Text;
using System.Text.Json;
using Librato.Api;
using Xunit;

namespace Librato.Api.Tests
{
    public class AlertJsonTests
    {
        private static byte[] Bytes(string json) => Encoding.UTF8.GetBytes(json);

        [Fact]
        public void Reads_the_documented_alert()
        {
            var alert = AlertJson.ReadAlert(Bytes(
                "{\"id\":1234567,\"name\":\"production.web.frontend.response_time\",\"description\":\"Web Response Time\"," +
                "\"conditions\":[{\"id\":19376030,\"type\":\"above\",\"metric_name\":\"web.nginx.response_time\",\"source\":null," +
                "\"threshold\":200.0,\"summary_function\":\"max\",\"duration\":300," +
                "\"tags\":[{\"name\":\"tag_name\",\"grouped\":false,\"values\":[\"tag_value\"]}]}]," +
                "\"services\":[{\"id\":17584,\"type\":\"slack\",\"settings\":{\"url\":\"https://hooks.slack.com/x\"},\"title\":\"librato-services\"}]," +
                "\"attributes\":{\"runbook_url\":\"http://myco.com/runbooks/response_time\"}," +
                "\"active\":true,\"created_at\":1484594787,\"updated_at\":1484594788,\"version\":2," +
                "\"rearm_seconds\":600,\"rearm_per_signal\":false,\"md\":true}"));

            Assert.Equal(1234567, alert.Id);
            Assert.Equal("production.web.frontend.response_time", alert.Name);
            Assert.Equal("Web Response Time", alert.Description);
            var c = Assert.Single(alert.Conditions);
            Assert.Equal(19376030, c.Id);
            Assert.Equal("above", c.Type);
            Assert.Equal("web.nginx.response_time", c.MetricName);
            Assert.Null(c.Source);
            Assert.Equal(200.0, c.Threshold);
            Assert.Equal("max", c.SummaryFunction);
            Assert.Equal(300, c.Duration);
            var tag = Assert.Single(c.Tags);
            Assert.Equal("tag_name", tag.Name);
            Assert.Equal(new[] { "tag_value" }, tag.Values);
            var s = Assert.Single(alert.Services);
            Assert.Equal(17584, s.Id);
            Assert.Equal("librato-services", s.Title);
            Assert.Equal("https://hooks.slack.com/x", s.Settings["url"]);
            Assert.Equal("http://myco.com/runbooks/response_time", alert.RunbookUrl);
            Assert.True(alert.Active);
            Assert.True(alert.Md);
            Assert.Equal(600, alert.RearmSeconds);
            Assert.Equal(EpochTime.ToDateTime(1484594787), alert.CreatedAt);
            Assert.Equal(EpochTime.ToDateTime(1484594788), alert.UpdatedAt);
        }

        [Fact]
        public void Reads_the_shapes_other_clients_and_older_answers_use()
        {
            var alert = AlertJson.ReadAlert(Bytes(
                "{\"id\":\"7\",\"name\":\"a\",\"rearm_seconds\":null,\"active\":false," +
                "\"conditions\":[{\"condition_type\":\"ABSENT\",\"metric_name\":\"m\",\"source\":\"*\",\"tags\":{\"env\":\"prod\",\"host\":[\"a\",\"b\"]},\"duration\":\"120\"}]," +
                "\"services\":[\"12\",13]}"));

            Assert.Equal(7, alert.Id);
            Assert.Equal(600, alert.RearmSeconds);
            Assert.False(alert.Active);
            var c = Assert.Single(alert.Conditions);
            Assert.Equal("absent", c.Type);
            Assert.Equal(120, c.Duration);
            Assert.Equal(new[] { "env", "host" }, c.Tags.Select(t => t.Name));
            Assert.Equal(new[] { "a", "b" }, c.Tags[1].Values);
            Assert.Equal(new long[] { 12, 13 }, alert.Services.Select(x => x.Id));
        }

        [Fact]
        public void Reads_pages_and_status()
        {
            var page = AlertJson.ReadAlertPage(Bytes("{\"query\":{\"found\":3,\"length\":2,\"offset\":0,\"total\":5},\"alerts\":[{\"id\":1,\"name\":\"a\"},{\"id\":2,\"name\":\"b\"}]}"));
            Assert.Equal(2, page.Items.Count);
            Assert.True(page.HasMore);
            Assert.Equal(2, page.NextOffset);

            var services = ServiceJson.ReadServicePage(Bytes("{\"query\":{\"found\":1,\"length\":1,\"offset\":0,\"total\":1},\"services\":[{\"id\":\"145\",\"type\":\"campfire\",\"settings\":{\"room\":\"Ops\"},\"title\":\"Notify Ops Room\"}]}"));
            var service = Assert.Single(services.Items);
            Assert.Equal(145, service.Id);
            Assert.Equal("campfire", service.Type);
            Assert.Equal("Ops", service.Settings["room"]);
            Assert.False(services.HasMore);

            var statuses = AlertJson.ReadStatusList(Bytes("{\"cleared\":[{\"cleared_at\":1454108320,\"id\":127}],\"firing\":[{\"id\":106,\"triggered_at\":1413328283}]}"));
            Assert.Equal(2, statuses.Count);
            Assert.Equal(106, statuses[0].AlertId);
            Assert.True(statuses[0].IsFiring);
            Assert.Equal(EpochTime.ToDateTime(1413328283), statuses[0].TriggeredAt);
            Assert.Equal(127, statuses[1].AlertId);
            Assert.Equal("cleared", statuses[1].Status);
            Assert.False(statuses[1].IsFiring);
            Assert.Equal(EpochTime.ToDateTime(1454108320), statuses[1].ClearedAt);

            var one = AlertJson.ReadStatus(Bytes("{\"alert\":{\"id\":120},\"status\":\"triggered\"}"), 999);
            Assert.Equal(120, one.AlertId);
            Assert.True(one.IsFiring);
        }

        [Fact]
        public void Refuses_bodies_that_are_not_objects()
        {
            Assert.Throws<MalformedBodyException>(() => AlertJson.ReadAlert(Bytes("[]")));
            Assert.Throws<MalformedBodyException>(() => AlertJson.ReadStatus(Bytes("{\"alert\":{\"id\":1}}"), 1));
            Assert.Throws<MalformedBodyException>(() => ServiceJson.ReadService(Bytes("not json")));
        }

        [Fact]
        public void Writes_only_what_is_set_on_create()
        {
            var definition = new AlertDefinition
            {
                Name = "my.alert",
                Conditions = new List<AlertCondition>
                {
                    new AlertCondition { Type = "Above", MetricName = "cpu", Threshold = 42, SummaryFunction = "SUM", Duration = 60 },
                    new AlertCondition { Type = "absent", MetricName = "beat", Duration = 300, Threshold = 5, SummaryFunction = "max", Tags = { new AlertConditionTag("env", new[] { "prod" }, grouped: true) } },
                },
                ServiceIds = new List<long> { 1234, 5678 },
            };

            using var doc = JsonDocument.Parse(JsonWriting.Object(definition.WriteProperties));
            var root = doc.RootElement;
            Assert.Equal(new[] { "name", "conditions", "services" }, root.EnumerateObject().Select(p => p.Name));
            var above = root.GetProperty("conditions")[0];
            Assert.Equal("above", above.GetProperty("type").GetString());
            Assert.Equal(42, above.GetProperty("threshold").GetDouble());
            Assert.Equal("sum", above.GetProperty("summary_function").GetString());
            Assert.False(above.TryGetProperty("id", out _));
            Assert.False(above.TryGetProperty("source", out _));
            var absent = root.GetProperty("conditions")[1];
            Assert.False(absent.TryGetProperty("threshold", out _));
            Assert.False(absent.TryGetProperty("summary_function", out _));
            Assert.Equal(300, absent.GetProperty("duration").GetInt32());
            var tag = absent.GetProperty("tags")[0];
            Assert.Equal("env", tag.GetProperty("name").GetString());
            Assert.True(tag.GetProperty("grouped").GetBoolean());
            Assert.Equal("prod", tag.GetProperty("values")[0].GetString());
            Assert.Equal(new long[] { 1234, 5678 }, root.GetProperty("services").EnumerateArray().Select(e => e.GetInt64()));
        }

        [Fact]
        public void An_update_starts_from_everything_the_alert_has()
        {
            var alert = AlertJson.ReadAlert(Bytes(
                "{\"id\":1,\"name\":\"a\",\"description\":\"d\",\"conditions\":[{\"id\":10,\"type\":\"above\",\"metric_name\":\"cpu\",\"threshold\":80}]," +
                "\"services\":[{\"id\":5,\"title\":\"s\",\"type\":\"mail\",\"settings\":{}}],\"attributes\":{\"runbook_url\":\"http://r\",\"team\":\"ops\"}," +
                "\"active\":true,\"rearm_seconds\":1200,\"rearm_per_signal\":true,\"md\":true,\"version\":2}"));
            var definition = AlertDefinition.From(alert);
            definition.MergeConditions(new[]
            {
                new AlertCondition { Type = "above", MetricName = "CPU", Threshold = 95 },
                new AlertCondition { Type = "below", MetricName = "cpu", Threshold = 1 },
            });
            definition.MergeServices(new long[] { 5, 6 });
            definition.MergeAttributes(new Dictionary<string, object?> { ["team"] = null, ["owner"] = "me" });

            using var doc = JsonDocument.Parse(JsonWriting.Object(definition.WriteProperties));
            var root = doc.RootElement;
            var conditions = root.GetProperty("conditions");
            Assert.Equal(2, conditions.GetArrayLength());
            Assert.Equal(10, conditions[0].GetProperty("id").GetInt64());
            Assert.Equal(95, conditions[0].GetProperty("threshold").GetDouble());
            Assert.Equal("below", conditions[1].GetProperty("type").GetString());
            Assert.False(conditions[1].TryGetProperty("id", out _));
            Assert.Equal(new long[] { 5, 6 }, root.GetProperty("services").EnumerateArray().Select(e => e.GetInt64()));
            var attributes = root.GetProperty("attributes");
            Assert.Equal("http://r", attributes.GetProperty("runbook_url").GetString());
            Assert.Equal("me", attributes.GetProperty("owner").GetString());
            Assert.False(attributes.TryGetProperty("team", out _));
            Assert.Equal("d", root.GetProperty("description").GetString());
            Assert.Equal(1200, root.GetProperty("rearm_seconds").GetInt32());
            Assert.True(root.GetProperty("rearm_per_signal").GetBoolean());
            Assert.True(root.GetProperty("md").GetBoolean());
            Assert.True(root.GetProperty("active").GetBoolean());
            Assert.Equal(2, root.GetProperty("version").GetInt32());

            // The alert read is not changed by the merge.
            Assert.Equal(80, alert.Conditions[0].Threshold);
            Assert.Single(alert.Services);
        }

        [Theory]
        [InlineData("above", 1.0, null, 60, null, null)]
        [InlineData("below", 1.0, "derivative", 3600, null, null)]
        [InlineData("absent", null, null, 300, null, null)]
        [InlineData("absent", null, null, null, null, AlertValidationCodes.AbsentWithoutDuration)]
        [InlineData("above", 1.0, null, 59, null, AlertValidationCodes.InvalidAlertDuration)]
        [InlineData("absent", null, null, 3601, null, AlertValidationCodes.InvalidAlertDuration)]
        [InlineData("above", 1.0, "median", null, null, AlertValidationCodes.InvalidSummaryFunction)]
        [InlineData("above", null, null, null, null, AlertValidationCodes.MissingThreshold)]
        [InlineData("over", 1.0, null, null, null, AlertValidationCodes.InvalidConditionType)]
        [InlineData("above", 1.0, null, null, "bad name", AlertValidationCodes.InvalidConditionMetric)]
        public void Conditions_are_checked_with_stable_codes(string type, double? threshold, string? summary, int? duration, string? metric, string? expected)
        {
            var error = AlertRules.CheckCondition(new AlertCondition
            {
                Type = type,
                MetricName = metric ?? "cpu",
                Threshold = threshold,
                SummaryFunction = summary,
                Duration = duration,
            });
            Assert.Equal(expected, error?.Code);
        }

        [Fact]
        public void Rearm_seconds_and_names_are_checked()
        {
            Assert.Null(AlertRules.CheckRearmSeconds(null));
            Assert.Null(AlertRules.CheckRearmSeconds(600));
            Assert.Equal(AlertValidationCodes.InvalidRearmSeconds, AlertRules.CheckRearmSeconds(90)?.Code);
            Assert.Equal(AlertValidationCodes.InvalidRearmSeconds, AlertRules.CheckRearmSeconds(0)?.Code);
            Assert.Null(AlertRules.CheckName("production.web.frontend.response_time"));
            Assert.Equal(AlertValidationCodes.InvalidAlertName, AlertRules.CheckName("my alert")?.Code);
            Assert.Equal(AlertValidationCodes.InvalidAlertName, AlertRules.CheckName(new string('a', 256))?.Code);
            Assert.Equal(AlertValidationCodes.InvalidAlertDuration, AlertRules.CheckDuration(90.5)?.Code);
            Assert.Equal(AlertValidationCodes.InvalidConditionTag, AlertRules.CheckCondition(new AlertCondition
            {
                MetricName = "cpu",
                Threshold = 1,
                Tags = { new AlertConditionTag("env", new string[0]) },
            })?.Code);
        }

        [Fact]
        public void Same_target_ignores_case_and_treats_every_source_alike()
        {
            var a = new AlertCondition { Type = "above", MetricName = "cpu", Source = "*", Tags = { new AlertConditionTag("env", new[] { "prod", "dev" }) } };
            Assert.True(a.IsSameTarget(new AlertCondition { Type = "ABOVE", MetricName = "CPU", Source = null, Tags = { new AlertConditionTag("ENV", new[] { "dev", "prod" }) } }));
            Assert.False(a.IsSameTarget(new AlertCondition { Type = "below", MetricName = "cpu", Tags = { new AlertConditionTag("env", new[] { "prod", "dev" }) } }));
            Assert.False(a.IsSameTarget(new AlertCondition { Type = "above", MetricName = "cpu", Source = "web*", Tags = { new AlertConditionTag("env", new[] { "prod", "dev" }) } }));
            Assert.False(a.IsSameTarget(new AlertCondition { Type = "above", MetricName = "cpu" }));
            Assert.Equal("cpu source=web above 42 (sum, for 1m)", new AlertCondition { MetricName = "cpu", Source = "web", Threshold = 42, SummaryFunction = "sum", Duration = 60 }.ToString());
            Assert.Equal("beat absent for 5m", new AlertCondition { Type = "absent", MetricName = "beat", Duration = 300 }.ToString());
        }
    }
}
