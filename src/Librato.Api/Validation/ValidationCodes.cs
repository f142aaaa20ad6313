namespace Librato.Api
{
    /// <summary>Stable codes for measurements the API would reject. The PowerShell module prefixes them with <c>Librato.</c>.</summary>
    public static class ValidationCodes
    {
        public const string InvalidMetricName = "InvalidMetricName";
        public const string InvalidSource = "InvalidSource";
        public const string InvalidTagName = "InvalidTagName";
        public const string InvalidTagValue = "InvalidTagValue";
        public const string TooManyTags = "TooManyTags";
        public const string InvalidValue = "InvalidValue";
        public const string MissingValue = "MissingValue";
        public const string CountWithoutSum = "CountWithoutSum";
        public const string ValueWithCount = "ValueWithCount";
        public const string InvalidCount = "InvalidCount";
        public const string TimeTooOld = "TimeTooOld";
        public const string TimeTooFarAhead = "TimeTooFarAhead";
        public const string InvalidTime = "InvalidTime";
        public const string CounterWithTags = "CounterWithTags";
        public const string InvalidPeriod = "InvalidPeriod";

        // AppOptics takes tagged gauges only (see AppOpticsRules).
        public const string AppOpticsTagsRequired = "AppOpticsTagsRequired";
        public const string AppOpticsNoSources = "AppOpticsNoSources";
        public const string AppOpticsNoCounters = "AppOpticsNoCounters";
    }
}
