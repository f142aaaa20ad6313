namespace Librato.Emulator.Http;

/// <summary>Error texts that clients match on, kept in one place so every route words them the same way.</summary>
internal static class ErrorMessages
{
    public const string MissingCredentials = "Please provide credentials for authentication.";
    public const string BadCredentials = "Authentication failed: invalid email or token.";
    public const string InactiveToken = "Authentication failed: this token is not active.";
    public const string TokenNotPermitted = "This token is not permitted to perform this action on this resource";
    public const string MeasurementLimit =
        "You have hit the API limit for measurements [measure:raw_rate]. Contact: support@librato.com to adjust this limit.";
    public const string RequestLimit =
        "You have hit the API limit for requests [api:request_rate]. Contact: support@librato.com to adjust this limit.";
    public const string SubmissionUnparseable = "Could not parse the basic format of the payload to identify measurements";
    public const string BodyUnparseable = "Could not parse the request body as JSON";
    public const string NotJson = "Content type was not application/json";
    public const string MetricNotFound = "Metric not found";
    public const string RouteNotFound = "Route not found";
    public const string SourceNotFound = "Source not found";
    public const string ResolutionUnavailable =
        "The requested data resolution is unavailable for the given time range. Please try a different resolution.";
    public const string NotPresent = "is not present";
    public const string NotANumber = "is not a number";
    public const string NotAnInteger = "is not an integer";
    public const string TooLarge = "is too large";
    public const string TooFarInPast = "is too far in the past";
    public const string TooFarInFuture = "is too far in the future";
    public const string NotInList = "is not included in the list";
}
