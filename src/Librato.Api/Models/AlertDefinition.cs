using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Text.Json;

namespace Librato.Api
{
    /// <summary>
    /// The fields of an alert to create or to write back. What is left null is not sent. The API's PUT replaces
    /// conditions, services and attributes, so an update starts from <see cref="From"/> (everything the alert has)
    /// and merges the changes in.
    /// </summary>
    public sealed class AlertDefinition
    {
        public const string RunbookUrlAttribute = "runbook_url";

        public string? Name { get; set; }

        public string? Description { get; set; }

        public IList<AlertCondition>? Conditions { get; set; }

        public IList<long>? ServiceIds { get; set; }

        public IDictionary<string, object?>? Attributes { get; set; }

        public bool? Active { get; set; }

        public int? RearmSeconds { get; set; }

        public bool? RearmPerSignal { get; set; }

        public bool? Md { get; set; }

        public int? Version { get; set; }

        /// <summary>Every field of <paramref name="alert"/> (copies), to change some and send the whole alert back.</summary>
        public static AlertDefinition From(LibratoAlert alert)
        {
            if (alert == null)
            {
                throw new ArgumentNullException(nameof(alert));
            }

            return new AlertDefinition
            {
                Name = alert.Name,
                Description = alert.Description,
                Conditions = alert.Conditions.Select(c => c.Clone()).ToList(),
                ServiceIds = alert.Services.Select(s => s.Id).ToList(),
                Attributes = new Dictionary<string, object?>(alert.Attributes, StringComparer.OrdinalIgnoreCase),
                Active = alert.Active,
                RearmSeconds = alert.RearmSeconds,
                RearmPerSignal = alert.RearmPerSignal,
                Md = alert.Md,
                Version = alert.Version,
            };
        }

        /// <summary>
        /// Adds <paramref name="given"/> to the conditions. A given condition that watches the same thing as an
        /// existing one (<see cref="AlertCondition.IsSameTarget"/>) replaces it and keeps its id; the others are kept.
        /// </summary>
        public void MergeConditions(IEnumerable<AlertCondition> given)
        {
            var merged = Conditions == null ? new List<AlertCondition>() : Conditions.ToList();
            foreach (var condition in given)
            {
                var copy = condition.Clone();
                var at = merged.FindIndex(c => c.IsSameTarget(copy));
                if (at < 0)
                {
                    copy.Id = null;
                    merged.Add(copy);
                }
                else
                {
                    copy.Id = merged[at].Id;
                    merged[at] = copy;
                }
            }

            Conditions = merged;
        }

        /// <summary>Adds the services not already there, keeping the order.</summary>
        public void MergeServices(IEnumerable<long> ids)
        {
            var merged = ServiceIds == null ? new List<long>() : ServiceIds.ToList();
            foreach (var id in ids)
            {
                if (!merged.Contains(id))
                {
                    merged.Add(id);
                }
            }

            ServiceIds = merged;
        }

        /// <summary>Sets the given attributes over the current ones; a null value removes that attribute.</summary>
        public void MergeAttributes(IDictionary<string, object?> changes)
        {
            var merged = Attributes == null
                ? new Dictionary<string, object?>(StringComparer.OrdinalIgnoreCase)
                : new Dictionary<string, object?>(Attributes, StringComparer.OrdinalIgnoreCase);
            foreach (var change in changes)
            {
                if (change.Value == null)
                {
                    merged.Remove(change.Key);
                }
                else
                {
                    merged[change.Key] = change.Value;
                }
            }

            Attributes = merged;
        }

        /// <summary>Every rule the definition breaks (empty when the API would accept it).</summary>
        public IReadOnlyList<ValidationError> Validate()
        {
            var errors = new List<ValidationError>();
            if (Name != null && AlertRules.CheckName(Name) is ValidationError name)
            {
                errors.Add(name);
            }

            foreach (var condition in Conditions ?? Array.Empty<AlertCondition>())
            {
                if (AlertRules.CheckCondition(condition) is ValidationError error)
                {
                    errors.Add(error);
                }
            }

            if (AlertRules.CheckRearmSeconds(RearmSeconds) is ValidationError rearm)
            {
                errors.Add(rearm);
            }

            return errors;
        }

        internal void ThrowIfInvalid()
        {
            var errors = Validate();
            if (errors.Count > 0)
            {
                throw new AlertValidationException(errors);
            }
        }

        internal void WriteProperties(Utf8JsonWriter w)
        {
            if (Name != null)
            {
                w.WriteString("name", Name);
            }

            if (Description != null)
            {
                w.WriteString("description", Description);
            }

            if (Conditions != null)
            {
                w.WriteStartArray("conditions");
                foreach (var condition in Conditions)
                {
                    WriteCondition(w, condition);
                }

                w.WriteEndArray();
            }

            if (ServiceIds != null)
            {
                w.WriteStartArray("services");
                foreach (var id in ServiceIds)
                {
                    w.WriteNumberValue(id);
                }

                w.WriteEndArray();
            }

            if (Attributes != null)
            {
                w.WritePropertyName("attributes");
                JsonWriting.WriteValue(w, Attributes);
            }

            WriteBool(w, "active", Active);
            if (RearmSeconds.HasValue)
            {
                w.WriteNumber("rearm_seconds", RearmSeconds.Value);
            }

            WriteBool(w, "rearm_per_signal", RearmPerSignal);
            WriteBool(w, "md", Md);
            if (Version.HasValue)
            {
                w.WriteNumber("version", Version.Value);
            }
        }

        private static void WriteCondition(Utf8JsonWriter w, AlertCondition c)
        {
            w.WriteStartObject();
            if (c.Id.HasValue)
            {
                w.WriteNumber("id", c.Id.Value);
            }

            w.WriteString("type", c.Type.ToLowerInvariant());
            w.WriteString("metric_name", c.MetricName);
            if (c.Source != null)
            {
                w.WriteString("source", c.Source);
            }

            if (c.Tags.Count > 0)
            {
                w.WriteStartArray("tags");
                foreach (var tag in c.Tags)
                {
                    w.WriteStartObject();
                    w.WriteString("name", tag.Name);
                    w.WriteBoolean("grouped", tag.Grouped);
                    w.WriteStartArray("values");
                    foreach (var value in tag.Values)
                    {
                        w.WriteStringValue(value);
                    }

                    w.WriteEndArray();
                    w.WriteEndObject();
                }

                w.WriteEndArray();
            }

            if (c.Threshold.HasValue && !string.Equals(c.Type, AlertCondition.Absent, StringComparison.OrdinalIgnoreCase))
            {
                w.WriteNumber("threshold", c.Threshold.Value);
            }

            if (c.SummaryFunction != null && !string.Equals(c.Type, AlertCondition.Absent, StringComparison.OrdinalIgnoreCase))
            {
                w.WriteString("summary_function", c.SummaryFunction.ToLowerInvariant());
            }

            if (c.Duration.HasValue)
            {
                w.WriteNumber("duration", c.Duration.Value);
            }

            WriteBool(w, "detect_reset", c.DetectReset);
            w.WriteEndObject();
        }

        private static void WriteBool(Utf8JsonWriter w, string name, bool? value)
        {
            if (value.HasValue)
            {
                w.WriteBoolean(name, value.Value);
            }
        }

        public override string ToString() => Name ?? string.Format(CultureInfo.InvariantCulture, "({0} condition(s))", Conditions?.Count ?? 0);
    }
}
