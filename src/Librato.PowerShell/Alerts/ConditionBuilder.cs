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
    /// Builds alert conditions from cmdlet parameters (New-LibratoAlertCondition and the inline parameters of
    /// New-LibratoAlert) and checks them against the API's rules.
    /// </summary>
    internal static class ConditionBuilder
    {
        public static AlertCondition Build(
            string metricName,
            string type,
            double? threshold,
            string? summaryFunction,
            TimeSpan? duration,
            string? source,
            IDictionary? tags,
            string[]? groupedTags,
            bool? detectReset,
            out ValidationError? error)
        {
            error = null;
            var condition = new AlertCondition
            {
                Type = type,
                MetricName = metricName,
                Source = source,
                Threshold = threshold,
                SummaryFunction = summaryFunction?.ToLowerInvariant(),
                DetectReset = detectReset,
                Tags = ToTags(tags),
            };

            if (duration.HasValue)
            {
                error = AlertRules.CheckDuration(duration.Value.TotalSeconds);
                if (error != null)
                {
                    return condition;
                }

                condition.Duration = (int)duration.Value.TotalSeconds;
            }

            foreach (var grouped in groupedTags ?? new string[0])
            {
                var tag = condition.Tags.FirstOrDefault(t => string.Equals(t.Name, grouped, StringComparison.OrdinalIgnoreCase));
                if (tag == null)
                {
                    error = new ValidationError(
                        AlertValidationCodes.InvalidConditionTag,
                        $"'{grouped}' is not one of the condition's tags ({string.Join(", ", condition.Tags.Select(t => t.Name))}): -GroupedTag names tags given with -Tag.");
                    return condition;
                }

                tag.Grouped = true;
            }

            error = AlertRules.CheckCondition(condition);
            return condition;
        }

        /// <summary>A hashtable of tag name to one value or several (wildcards allowed) as condition tag filters.</summary>
        public static List<AlertConditionTag> ToTags(IDictionary? tags)
        {
            var result = new List<AlertConditionTag>();
            if (tags == null)
            {
                return result;
            }

            foreach (DictionaryEntry entry in tags)
            {
                result.Add(new AlertConditionTag(Convert.ToString(Unwrap(entry.Key), CultureInfo.InvariantCulture) ?? string.Empty, Strings(entry.Value)));
            }

            // A hashtable's order changes from process to process: by name, the condition reads and exports the same each time.
            result.Sort((a, b) => string.Compare(a.Name, b.Name, StringComparison.OrdinalIgnoreCase));
            return result;
        }

        internal static List<string> Strings(object? value)
        {
            var raw = Unwrap(value);
            var result = new List<string>();
            if (raw is string s)
            {
                result.Add(s);
            }
            else if (raw is IEnumerable list)
            {
                foreach (var item in list)
                {
                    var text = Convert.ToString(Unwrap(item), CultureInfo.InvariantCulture);
                    if (text != null)
                    {
                        result.Add(text);
                    }
                }
            }
            else if (raw != null)
            {
                result.Add(Convert.ToString(raw, CultureInfo.InvariantCulture) ?? string.Empty);
            }

            return result;
        }

        internal static object? Unwrap(object? value) => value is PSObject pso ? pso.BaseObject : value;
    }
}
