using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Text.RegularExpressions;

namespace Librato.Api
{
    /// <summary>
    /// The API's documented rules for alerts and their conditions, checked before a request so that a mistake is
    /// reported with a stable code instead of a 400 from the server.
    /// </summary>
    public static class AlertRules
    {
        public const int MinDuration = 60;
        public const int MaxDuration = 3600;
        public const int RearmStep = 60;

        // The reference lists A-Za-z0-9.:- but its own examples use '_', which the service accepts.
        private static readonly Regex AlertName = new Regex(@"\A[A-Za-z0-9.:\-_]{1,255}\z", RegexOptions.Compiled);
        private static readonly Regex TagName = new Regex(@"\A[-.:_\w]{1,64}\z", RegexOptions.Compiled);
        private static readonly Regex TagValue = new Regex(@"\A[-.:_?\\/\w *]{1,255}\z", RegexOptions.Compiled);

        /// <summary>
        /// The summary functions of above and below conditions. <c>absolute_value</c> (with <c>derivative</c>) is what
        /// legacy counters allow.
        /// </summary>
        public static IReadOnlyList<string> SummaryFunctions { get; } =
            new[] { "average", "sum", "min", "max", "count", "derivative", "absolute_value" };

        public static IReadOnlyList<string> ConditionTypes { get; } = new[] { AlertCondition.Above, AlertCondition.Below, AlertCondition.Absent };

        public static ValidationError? CheckName(string? name) =>
            name != null && AlertName.IsMatch(name)
                ? null
                : new ValidationError(
                    AlertValidationCodes.InvalidAlertName,
                    $"'{name}' is not a valid alert name: use {MeasurementValidator.NameRule}.");

        /// <summary>A condition's duration: whole seconds from 60 to 3600.</summary>
        public static ValidationError? CheckDuration(double seconds) =>
            seconds >= MinDuration && seconds <= MaxDuration && Math.Floor(seconds) == seconds
                ? null
                : new ValidationError(
                    AlertValidationCodes.InvalidAlertDuration,
                    $"The duration {seconds.ToString(CultureInfo.InvariantCulture)} s is not allowed: a condition's duration is a whole number of seconds from {MinDuration} to {MaxDuration}.");

        public static ValidationError? CheckSummaryFunction(string? function) =>
            function == null || SummaryFunctions.Contains(function, StringComparer.OrdinalIgnoreCase)
                ? null
                : new ValidationError(
                    AlertValidationCodes.InvalidSummaryFunction,
                    $"'{function}' is not a summary function: use one of {string.Join(", ", SummaryFunctions)}.");

        /// <summary>Null (the API's default of 600) or a positive multiple of 60.</summary>
        public static ValidationError? CheckRearmSeconds(long? seconds) =>
            !seconds.HasValue || (seconds.Value > 0 && seconds.Value % RearmStep == 0)
                ? null
                : new ValidationError(
                    AlertValidationCodes.InvalidRearmSeconds,
                    $"Rearm seconds {seconds.Value.ToString(CultureInfo.InvariantCulture)} is not allowed: use a positive multiple of {RearmStep}, such as 600.");

        /// <summary>The first rule the condition breaks, or null when the API would accept it.</summary>
        public static ValidationError? CheckCondition(AlertCondition condition)
        {
            if (condition == null)
            {
                throw new ArgumentNullException(nameof(condition));
            }

            var type = condition.Type;
            if (!ConditionTypes.Contains(type, StringComparer.OrdinalIgnoreCase))
            {
                return new ValidationError(
                    AlertValidationCodes.InvalidConditionType,
                    $"'{type}' is not a condition type: use above, below or absent.");
            }

            if (!MeasurementValidator.IsValidMetricName(condition.MetricName))
            {
                return new ValidationError(
                    AlertValidationCodes.InvalidConditionMetric,
                    $"'{condition.MetricName}' is not a valid metric name for a condition: use {MeasurementValidator.NameRule}.");
            }

            foreach (var tag in condition.Tags)
            {
                if (tag == null || !TagName.IsMatch(tag.Name ?? string.Empty))
                {
                    return new ValidationError(AlertValidationCodes.InvalidConditionTag, $"'{tag?.Name}' is not a valid tag name for a condition on '{condition.MetricName}'.");
                }

                if (tag.Values.Count == 0 || tag.Values.Any(v => v == null || !TagValue.IsMatch(v)))
                {
                    return new ValidationError(
                        AlertValidationCodes.InvalidConditionTag,
                        $"The tag '{tag.Name}' of the condition on '{condition.MetricName}' needs one or more valid values (wildcards allowed).");
                }
            }

            if (condition.Duration.HasValue && CheckDuration(condition.Duration.Value) is ValidationError duration)
            {
                return duration;
            }

            if (string.Equals(type, AlertCondition.Absent, StringComparison.OrdinalIgnoreCase))
            {
                return condition.Duration.HasValue
                    ? null
                    : new ValidationError(
                        AlertValidationCodes.AbsentWithoutDuration,
                        $"The absent condition on '{condition.MetricName}' needs a duration: how many seconds ({MinDuration} to {MaxDuration}) without data fire the alert.");
            }

            if (!condition.Threshold.HasValue || double.IsNaN(condition.Threshold.Value) || double.IsInfinity(condition.Threshold.Value))
            {
                return new ValidationError(
                    AlertValidationCodes.MissingThreshold,
                    $"The {type.ToLowerInvariant()} condition on '{condition.MetricName}' needs a finite threshold.");
            }

            return CheckSummaryFunction(condition.SummaryFunction);
        }
    }
}
