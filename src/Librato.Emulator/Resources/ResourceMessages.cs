namespace Librato.Emulator.Resources;

/// <summary>Error texts of the non-metric resources, worded the same way on every route.</summary>
internal static class ResourceMessages
{
    public const string StreamNotFound = "Annotation stream not found";
    public const string EventNotFound = "Annotation event not found";
    public const string LinkNotFound = "Link not found";
    public const string SpaceNotFound = "Space not found";
    public const string ChartNotFound = "Chart not found";
    public const string ServiceNotFound = "Service not found";
    public const string AlertNotFound = "Alert not found";
    public const string SnapshotNotFound = "Snapshot not found";
    public const string JobNotFound = "Job not found";
    public const string TokenNotFound = "API token not found";
    public const string BodyUnparseable = "Could not parse the request body (expected a JSON object or form fields)";
    public const string Invalid = "is invalid";
    public const string Taken = "has already been taken";
    public const string MustBeString = "must be a string";
    public const string MustBeBoolean = "must be true or false";
    public const string MustBeObject = "must be an object";
    public const string MustBeArray = "must be an array";
    public const string DoesNotExist = "does not exist";
    public const string StartAfterEnd = "must be before end_time";
}
