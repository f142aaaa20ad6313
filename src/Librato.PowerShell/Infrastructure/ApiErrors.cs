using System.Management.Automation;
using Librato.Api;

namespace Librato.PowerShell
{
    /// <summary>Turns API failures into error records with stable ids and fitting categories.</summary>
    internal static class ApiErrors
    {
        public static ErrorRecord ToRecord(LibratoApiException ex, object? target, string? errorId = null)
        {
            var record = new ErrorRecord(ex, errorId ?? IdFor(ex.Kind), CategoryFor(ex.Kind), target);
            if (ex.Kind == LibratoErrorKind.Unauthorized || ex.Kind == LibratoErrorKind.Forbidden)
            {
                // Credentials that worked at connect can be revoked or expire: say what to do, not only what HTTP said.
                // The route and status stay in the exception's message (and -Verbose); the screen says what to do.
                record.ErrorDetails = new ErrorDetails(
                    (ex.Kind == LibratoErrorKind.Unauthorized
                        ? "Librato does not accept this session's email and API token (they may have been revoked, or mistyped)"
                        : "Librato does not permit this session's API token to do this") +
                    ". Run Connect-Librato again with a current API token" +
                    (ex.Kind == LibratoErrorKind.Forbidden ? " whose role allows it (admin for changes, recorder for sending)." : ".") +
                    (ex.ApiErrors.Count > 0 ? " The API said: " + string.Join("; ", ex.ApiErrors) : string.Empty))
                {
                    RecommendedAction = "Run Connect-Librato again with a valid API token.",
                };
            }
            else if (RefusalText.Explain(ex) is string refusal)
            {
                record.ErrorDetails = new ErrorDetails(refusal);
            }

            return record;
        }

        /// <summary>
        /// The id for a batch that was not delivered: <see cref="ErrorIds.SubmitFailed"/>, except where the cause has an
        /// id of its own that says more (an answer that was not the API's, a redirect, the certificate, the proxy).
        /// </summary>
        public static string ForSubmission(LibratoApiException ex)
        {
            switch (ex.Kind)
            {
                case LibratoErrorKind.MalformedResponse:
                case LibratoErrorKind.Redirected:
                case LibratoErrorKind.CertificateInvalid:
                case LibratoErrorKind.ProxyAuthenticationFailed:
                    return IdFor(ex.Kind);
                default:
                    return ErrorIds.SubmitFailed;
            }
        }

        /// <summary>Failures that no later request of the session can get past: they end the command.</summary>
        public static bool EndsCommand(LibratoApiException ex) =>
            ex.Kind == LibratoErrorKind.CertificateInvalid || ex.Kind == LibratoErrorKind.ProxyAuthenticationFailed;

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
                case LibratoErrorKind.Redirected: return ErrorIds.Redirected;
                case LibratoErrorKind.CertificateInvalid: return ErrorIds.CertificateInvalid;
                case LibratoErrorKind.ProxyAuthenticationFailed: return ErrorIds.ProxyAuthenticationFailed;
                case LibratoErrorKind.PayloadTooLarge: return ErrorIds.PayloadTooLarge;
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
                case LibratoErrorKind.Redirected: return ErrorCategory.ConnectionError;
                case LibratoErrorKind.CertificateInvalid: return ErrorCategory.SecurityError;
                case LibratoErrorKind.ProxyAuthenticationFailed: return ErrorCategory.AuthenticationError;
                case LibratoErrorKind.PayloadTooLarge: return ErrorCategory.LimitsExceeded;
                default: return ErrorCategory.InvalidArgument;
            }
        }
    }
}
