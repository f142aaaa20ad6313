namespace Librato.PowerShell
{
    /// <summary>Stable error ids (the FullyQualifiedErrorId prefix) that scripts may rely on.</summary>
    public static class ErrorIds
    {
        public const string NotConnected = "Librato.NotConnected";
        public const string SessionClosed = "Librato.SessionClosed";
        public const string MissingCredentials = "Librato.MissingCredentials";
        public const string AuthenticationFailed = "Librato.AuthenticationFailed";
        public const string InvalidTag = "Librato.InvalidTag";
        public const string WildcardInName = "Librato.WildcardInName";
        public const string AlreadyExists = "Librato.AlreadyExists";
        public const string InvalidResolution = "Librato.InvalidResolution";
        public const string UnencryptedEndpoint = "Librato.UnencryptedEndpoint";
        public const string InvalidEndpoint = "Librato.InvalidEndpoint";
        public const string InvalidInputObject = "Librato.InvalidInputObject";
        public const string InvalidCounterSample = "Librato.InvalidCounterSample";
        public const string QueueSubmitStopped = "Librato.QueueSubmitStopped";
        public const string InvalidComposite = "Librato.InvalidComposite";
        public const string NothingToUpdate = "Librato.NothingToUpdate";
        public const string NoOutbox = "Librato.NoOutbox";
        public const string InvalidInterval = "Librato.InvalidInterval";
        public const string SubmitFailed = "Librato.SubmitFailed";
        public const string MeasurementRejected = "Librato.MeasurementRejected";
        public const string MetricNotFound = "Librato.MetricNotFound";
        public const string Unauthorized = "Librato.Unauthorized";
        public const string Forbidden = "Librato.Forbidden";
        public const string NotFound = "Librato.NotFound";
        public const string RateLimited = "Librato.RateLimited";
        public const string ServerError = "Librato.ServerError";
        public const string Timeout = "Librato.Timeout";
        public const string ConnectionFailed = "Librato.ConnectionFailed";
        public const string InvalidRequest = "Librato.InvalidRequest";
        public const string MalformedResponse = "Librato.MalformedResponse";
        public const string Redirected = "Librato.Redirected";
        public const string CertificateInvalid = "Librato.CertificateInvalid";
        public const string ProxyAuthenticationFailed = "Librato.ProxyAuthenticationFailed";
        public const string PayloadTooLarge = "Librato.PayloadTooLarge";
        // The outbox and the engine's time limit.
        public const string OutboxWriteFailed = "Librato.OutboxWriteFailed";
        public const string NotSent = "Librato.NotSent";
        public const string InvalidTime = "Librato.InvalidTime";
        public const string InvalidProxy = "Librato.InvalidProxy";

        // Alerts and services; rule violations use ForValidation with the core's AlertValidationCodes.
        public const string AlertNotFound = "Librato.AlertNotFound";
        public const string ServiceNotFound = "Librato.ServiceNotFound";
        public const string AmbiguousServiceTitle = "Librato.AmbiguousServiceTitle";
        public const string InvalidService = "Librato.InvalidService";
        public const string ServiceNotAttached = "Librato.ServiceNotAttached";
        // Annotations, spaces and charts.
        public const string AnnotationStreamNotFound = "Librato.AnnotationStreamNotFound";
        public const string AnnotationNotFound = "Librato.AnnotationNotFound";
        public const string SpaceNotFound = "Librato.SpaceNotFound";
        public const string AmbiguousSpace = "Librato.AmbiguousSpace";
        public const string SpaceExists = "Librato.SpaceExists";
        public const string ChartNotFound = "Librato.ChartNotFound";
        public const string AmbiguousChart = "Librato.AmbiguousChart";
        public const string SpaceRequired = "Librato.SpaceRequired";
        public const string InvalidSpaceDefinition = "Librato.InvalidSpaceDefinition";
        public const string ExportFileExists = "Librato.ExportFileExists";
        public const string FileNotFound = "Librato.FileNotFound";
        public const string FileReadFailed = "Librato.FileReadFailed";
        public const string FileWriteFailed = "Librato.FileWriteFailed";
        // Show-LibratoMetric.
        public const string NoMeasurements = "Librato.NoMeasurements";
        public const string InvalidWindow = "Librato.InvalidWindow";
        public const string ConflictingFilters = "Librato.ConflictingFilters";
        // AppOptics takes tagged gauges only: the ids of ForValidation with the core's AppOptics codes.
        public const string AppOpticsTagsRequired = "Librato.AppOpticsTagsRequired";
        public const string AppOpticsNoSources = "Librato.AppOpticsNoSources";
        public const string AppOpticsNoCounters = "Librato.AppOpticsNoCounters";

        /// <summary>The id for a measurement that breaks one of the API's rules, from the core's validation code.</summary>
        public static string ForValidation(string code) => "Librato." + code;
    }
}
