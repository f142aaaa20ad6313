using System;
using System.Collections.Generic;
using System.Text.Json;

namespace Librato.Api
{
    /// <summary>
    /// Reads alerts, alert pages and alert status. Besides the documented shapes it takes what older answers and
    /// other clients use: ids as text, <c>condition_type</c> for <c>type</c>, tags as an object, services as bare ids.
    /// </summary>
    internal static class AlertJson
    {
        public static LibratoAlert ReadAlert(JsonElement e)
        {
            var alert = new LibratoAlert
            {
                Id = JsonValues.Long(e, "id") ?? 0,
                Name = JsonValues.String(e, "name") ?? string.Empty,
                Description = JsonValues.String(e, "description"),
                Active = Bool(e, "active") ?? true,
                RearmSeconds = JsonValues.Int(e, "rearm_seconds") ?? 600,
                RearmPerSignal = Bool(e, "rearm_per_signal") ?? false,
                Md = Bool(e, "md") ?? false,
                Version = JsonValues.Int(e, "version") ?? 2,
                CreatedAt = Time(e, "created_at"),
                UpdatedAt = Time(e, "updated_at"),
            };
            if (e.TryGetProperty("attributes", out var attributes))
            {
                alert.Attributes = JsonValues.ToDictionary(attributes);
            }

            if (e.TryGetProperty("conditions", out var conditions) && conditions.ValueKind == JsonValueKind.Array)
            {
                foreach (var c in conditions.EnumerateArray())
                {
                    if (c.ValueKind == JsonValueKind.Object)
                    {
                        alert.Conditions.Add(ReadCondition(c));
                    }
                }
            }

            if (e.TryGetProperty("services", out var services) && services.ValueKind == JsonValueKind.Array)
            {
                foreach (var s in services.EnumerateArray())
                {
                    if (s.ValueKind == JsonValueKind.Object)
                    {
                        alert.Services.Add(ServiceJson.ReadService(s));
                    }
                    else if (Id(s) is long id)
                    {
                        alert.Services.Add(new LibratoService { Id = id });
                    }
                }
            }

            return alert;
        }

        public static AlertCondition ReadCondition(JsonElement c)
        {
            var condition = new AlertCondition
            {
                Id = JsonValues.Long(c, "id"),
                Type = (JsonValues.String(c, "type") ?? JsonValues.String(c, "condition_type") ?? string.Empty).ToLowerInvariant(),
                MetricName = JsonValues.String(c, "metric_name") ?? string.Empty,
                Source = JsonValues.String(c, "source"),
                Threshold = JsonValues.Double(c, "threshold"),
                SummaryFunction = JsonValues.String(c, "summary_function"),
                Duration = JsonValues.Int(c, "duration"),
                DetectReset = Bool(c, "detect_reset"),
            };
            if (c.TryGetProperty("tags", out var tags))
            {
                condition.Tags = ReadTags(tags);
            }

            return condition;
        }

        public static LibratoAlert ReadAlert(byte[] body)
        {
            using (var doc = MetricJson.Parse(body))
            {
                ServiceJson.RequireObject(doc.RootElement, "an alert");
                return ReadAlert(doc.RootElement);
            }
        }

        public static Page<LibratoAlert> ReadAlertPage(byte[] body) =>
            PageJson.ReadObjects(body, "alerts", "a page of alerts", ReadAlert);

        /// <summary><c>{"cleared":[{"cleared_at","id"}],"firing":[{"id","triggered_at"}]}</c>: firing alerts first, then cleared ones.</summary>
        public static IReadOnlyList<LibratoAlertStatus> ReadStatusList(byte[] body)
        {
            using (var doc = MetricJson.Parse(body))
            {
                var root = doc.RootElement;
                ServiceJson.RequireObject(root, "the alert status");
                var result = new List<LibratoAlertStatus>();
                foreach (var entry in Entries(root, "firing"))
                {
                    result.Add(new LibratoAlertStatus
                    {
                        AlertId = JsonValues.Long(entry, "id") ?? 0,
                        Status = LibratoAlertStatus.Triggered,
                        TriggeredAt = Time(entry, "triggered_at"),
                    });
                }

                foreach (var entry in Entries(root, "cleared"))
                {
                    result.Add(new LibratoAlertStatus
                    {
                        AlertId = JsonValues.Long(entry, "id") ?? 0,
                        Status = LibratoAlertStatus.Cleared,
                        ClearedAt = Time(entry, "cleared_at"),
                    });
                }

                return result;
            }
        }

        /// <summary><c>{"alert":{"id"},"status":"triggered"|"ok"}</c>.</summary>
        public static LibratoAlertStatus ReadStatus(byte[] body, long alertId)
        {
            using (var doc = MetricJson.Parse(body))
            {
                var root = doc.RootElement;
                ServiceJson.RequireObject(root, "an alert status");
                var status = JsonValues.String(root, "status")
                    ?? throw new MalformedBodyException("the alert status has no 'status'");
                var id = root.TryGetProperty("alert", out var alert) && alert.ValueKind == JsonValueKind.Object ? JsonValues.Long(alert, "id") : null;
                return new LibratoAlertStatus { AlertId = id ?? alertId, Status = status.ToLowerInvariant() };
            }
        }

        private static IEnumerable<JsonElement> Entries(JsonElement root, string key)
        {
            if (root.TryGetProperty(key, out var list) && list.ValueKind == JsonValueKind.Array)
            {
                foreach (var entry in list.EnumerateArray())
                {
                    if (entry.ValueKind == JsonValueKind.Object)
                    {
                        yield return entry;
                    }
                }
            }
        }

        /// <summary>Tags as the documented list of <c>{"name","values","grouped"}</c>, or as an object of name to value(s).</summary>
        private static IList<AlertConditionTag> ReadTags(JsonElement tags)
        {
            var result = new List<AlertConditionTag>();
            if (tags.ValueKind == JsonValueKind.Array)
            {
                foreach (var t in tags.EnumerateArray())
                {
                    if (t.ValueKind == JsonValueKind.Object)
                    {
                        result.Add(new AlertConditionTag(
                            JsonValues.String(t, "name") ?? string.Empty,
                            t.TryGetProperty("values", out var values) ? Strings(values) : new List<string>(),
                            Bool(t, "grouped") ?? false));
                    }
                }
            }
            else if (tags.ValueKind == JsonValueKind.Object)
            {
                foreach (var p in tags.EnumerateObject())
                {
                    result.Add(new AlertConditionTag(p.Name, Strings(p.Value)));
                }
            }

            return result;
        }

        private static List<string> Strings(JsonElement e)
        {
            var result = new List<string>();
            if (e.ValueKind == JsonValueKind.String)
            {
                result.Add(e.GetString() ?? string.Empty);
            }
            else if (e.ValueKind == JsonValueKind.Array)
            {
                foreach (var item in e.EnumerateArray())
                {
                    if (item.ValueKind == JsonValueKind.String)
                    {
                        result.Add(item.GetString() ?? string.Empty);
                    }
                }
            }

            return result;
        }

        private static long? Id(JsonElement e)
        {
            if (e.ValueKind == JsonValueKind.Number && e.TryGetInt64(out var n))
            {
                return n;
            }

            return e.ValueKind == JsonValueKind.String &&
                long.TryParse(e.GetString(), System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var s)
                ? s
                : (long?)null;
        }

        private static bool? Bool(JsonElement obj, string property)
        {
            if (!obj.TryGetProperty(property, out var v))
            {
                return null;
            }

            switch (v.ValueKind)
            {
                case JsonValueKind.True:
                    return true;
                case JsonValueKind.False:
                    return false;
                case JsonValueKind.String when bool.TryParse(v.GetString(), out var b):
                    return b;
                default:
                    return null;
            }
        }

        private static DateTime? Time(JsonElement obj, string property)
        {
            var seconds = JsonValues.Long(obj, property);
            return seconds.HasValue ? EpochTime.ToDateTime(seconds.Value) : (DateTime?)null;
        }
    }
}
