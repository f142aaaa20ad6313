using System.Management.Automation;
using Librato.Api;

namespace Librato.PowerShell
{
    /// <summary>Turns API failures into error records with stable ids and fitting categories.</summary>
    internal static class ApiErrors
    {
        public static ErrorRecord ToRecord(LibratoApiException ex, object? target, string? errorId = null) =>
            new ErrorRecord(ex, errorId ?? IdFor(ex.Kind), CategoryFor(ex.Kind), target);

        public static string IdFor(LibratoErrorKind kind)
        {
            switch (kind)
            {
                case LibratoErrorKind.Unauthorized: return ErrorIds.Unauthorized;
                case LibratoErrorKind.Forbidden: return ErrorIds.Forbidden;
                case LibratoErrorKind.NotFound: return ErrorIds.NotFound;
                case LibratoErrorKind.RateLimited: return ErrorIds.RateLimited;
                case LibratoErrorKind.ServerError: return ErrorIds.ServerError;
                case LibratoErrorKind.Timeout: return ErrorIds.Timeout;
                case LibratoErrorKind.Connection: return ErrorIds.ConnectionFailed;
                case LibratoErrorKind.MalformedResponse: return ErrorIds.MalformedResponse;
                default: return ErrorIds.InvalidRequest;
            }
        }

        public static ErrorCategory CategoryFor(LibratoErrorKind kind)
        {
            switch (kind)
            {
                case LibratoErrorKind.Unauthorized: return ErrorCategory.AuthenticationError;
                case LibratoErrorKind.Forbidden: return ErrorCategory.PermissionDenied;
                case LibratoErrorKind.NotFound: return ErrorCategory.ObjectNotFound;
                case LibratoErrorKind.RateLimited: return ErrorCategory.LimitsExceeded;
                case LibratoErrorKind.Timeout: return ErrorCategory.OperationTimeout;
                case LibratoErrorKind.Connection: return ErrorCategory.ConnectionError;
                case LibratoErrorKind.MalformedResponse: return ErrorCategory.InvalidResult;
                case LibratoErrorKind.ServerError: return ErrorCategory.ResourceUnavailable;
                default: return ErrorCategory.InvalidArgument;
            }
        }
    }
}
