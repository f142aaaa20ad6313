using System;
using System.Collections;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Management.Automation;
using Librato.Api;

namespace Librato.PowerShell
{
    /// <summary>
    /// Lets -Condition take hashtables and other objects as well as conditions from New-LibratoAlertCondition:
    /// <c>@{ metric_name = 'cpu'; type = 'above'; threshold = 42 }</c> (API names, or the property names of
    /// AlertCondition), alert JSON from ConvertFrom-Json, and deserialized conditions. Rules are checked later,
    /// with stable error ids.
    /// </summary>
    [AttributeUsage(AttributeTargets.Field | AttributeTargets.Property)]
    public sealed class AlertConditionTransformationAttribute : ArgumentTransformationAttribute
    {
        private static readonly string[] Keys =
            { "id", "type", "conditiontype", "metricname", "metric", "source", "tags", "threshold", "summaryfunction", "duration", "detectreset" };

        public override object? Transform(EngineIntrinsics engineIntrinsics, object? inputData)
        {
            var raw = ConditionBuilder.Unwrap(inputData);
            if (raw == null || raw is AlertCondition || raw is AlertCondition[])
            {
                return raw;
            }

            if (raw is IEnumerable list && !(raw is string) && !(raw is IDictionary))
            {
                var result = new List<AlertCondition>();
                foreach (var item in list)
                {
                    result.Add(ToCondition(item));
                }

                return result.ToArray();
            }

            return new[] { ToCondition(inputData) };
        }

        private static AlertCondition ToCondition(object? item)
        {
            var raw = ConditionBuilder.Unwrap(item);
            if (raw is AlertCondition condition)
            {
                return condition;
            }

            var fields = Fields(item);
            if (fields == null)
            {
                throw new ArgumentTransformationMetadataException(
                    $"'{item}' is not an alert condition: use New-LibratoAlertCondition, or a hashtable such as @{{ metric_name = 'cpu'; type = 'above'; threshold = 42 }}.");
            }

            var unknown = fields.Keys.Where(k => Array.IndexOf(Keys, k) < 0).ToList();
            if (unknown.Count > 0)
            {
                throw new ArgumentTransformationMetadataException(
                    $"The condition has unknown key(s) {string.Join(", ", unknown)}: use type, metric_name, source, tags, threshold, summary_function, duration and detect_reset.");
            }

            var type = Text(fields, "type") ?? Text(fields, "conditiontype") ?? AlertCondition.Above;
            return new AlertCondition
            {
                Id = Number(fields, "id") is double id ? (long)id : (long?)null,
                Type = type.ToLowerInvariant(),
                MetricName = Text(fields, "metricname") ?? Text(fields, "metric") ?? string.Empty,
                Source = Text(fields, "source"),
                Threshold = Number(fields, "threshold"),
                SummaryFunction = Text(fields, "summaryfunction")?.ToLowerInvariant(),
                Duration = Duration(fields),
                DetectReset = fields.TryGetValue("detectreset", out var reset) && reset != null ? LanguagePrimitives.IsTrue(reset) : (bool?)null,
                Tags = Tags(fields.TryGetValue("tags", out var tags) ? tags : null),
            };
        }

        /// <summary>The fields of a dictionary or object, keyed without case or underscores (metric_name = MetricName).</summary>
        private static Dictionary<string, object?>? Fields(object? item)
        {
            var raw = ConditionBuilder.Unwrap(item);
            var result = new Dictionary<string, object?>(StringComparer.Ordinal);
            if (raw is IDictionary dictionary)
            {
                foreach (DictionaryEntry entry in dictionary)
                {
                    result[Key(entry.Key)] = ConditionBuilder.Unwrap(entry.Value);
                }

                return result;
            }

            if (item is PSObject pso && (raw is PSCustomObject || pso.TypeNames.Any(t => t.StartsWith("Deserialized.", StringComparison.Ordinal))))
            {
                foreach (var property in pso.Properties)
                {
                    result[Key(property.Name)] = ConditionBuilder.Unwrap(property.Value);
                }

                return result;
            }

            return null;
        }

        private static string Key(object? key) =>
            (Convert.ToString(ConditionBuilder.Unwrap(key), CultureInfo.InvariantCulture) ?? string.Empty).Replace("_", string.Empty).ToLowerInvariant();

        private static string? Text(Dictionary<string, object?> fields, string key) =>
            fields.TryGetValue(key, out var value) && value != null ? Convert.ToString(value, CultureInfo.InvariantCulture) : null;

        private static double? Number(Dictionary<string, object?> fields, string key)
        {
            if (!fields.TryGetValue(key, out var value) || value == null)
            {
                return null;
            }

            if (!InputConversion.TryNumber(value, out var number))
            {
                throw new ArgumentTransformationMetadataException($"The condition's {key} '{value}' is not a number.");
            }

            return number;
        }

        private static int? Duration(Dictionary<string, object?> fields)
        {
            if (fields.TryGetValue("duration", out var value) && value is TimeSpan span)
            {
                return (int)Math.Round(span.TotalSeconds);
            }

            var seconds = Number(fields, "duration");
            return seconds.HasValue ? (int)Math.Round(seconds.Value) : (int?)null;
        }

        /// <summary>Tags as a hashtable of name to value(s), or a list of { name; values; grouped } entries.</summary>
        private static IList<AlertConditionTag> Tags(object? value)
        {
            if (value is IDictionary dictionary)
            {
                return ConditionBuilder.ToTags(dictionary);
            }

            var result = new List<AlertConditionTag>();
            if (value is IEnumerable list && !(value is string))
            {
                foreach (var item in list)
                {
                    if (ConditionBuilder.Unwrap(item) is AlertConditionTag tag)
                    {
                        result.Add(tag.Clone());
                        continue;
                    }

                    var fields = Fields(item) ?? throw new ArgumentTransformationMetadataException($"The condition tag '{item}' is not a {{ name; values }} entry.");
                    result.Add(new AlertConditionTag(
                        Text(fields, "name") ?? string.Empty,
                        fields.TryGetValue("values", out var values) ? ConditionBuilder.Strings(values) : new List<string>(),
                        fields.TryGetValue("grouped", out var grouped) && LanguagePrimitives.IsTrue(grouped)));
                }
            }
            else if (value != null)
            {
                throw new ArgumentTransformationMetadataException($"The condition's tags '{value}' are neither a hashtable nor a list of {{ name; values }} entries.");
            }

            return result;
        }
    }
}
