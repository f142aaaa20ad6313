namespace Librato.Api
{
    /// <summary>Stable codes for alerts and conditions the API would reject. The PowerShell module prefixes them with <c>Librato.</c>.</summary>
    public static class AlertValidationCodes
    {
        public const string InvalidAlertName = "InvalidAlertName";
        public const string InvalidConditionType = "InvalidConditionType";
        public const string InvalidConditionMetric = "InvalidConditionMetric";
        public const string InvalidConditionTag = "InvalidConditionTag";
        public const string MissingThreshold = "MissingThreshold";
        public const string InvalidAlertDuration = "InvalidAlertDuration";
        public const string AbsentWithoutDuration = "AbsentWithoutDuration";
        public const string InvalidSummaryFunction = "InvalidSummaryFunction";
        public const string InvalidRearmSeconds = "InvalidRearmSeconds";
    }
}
