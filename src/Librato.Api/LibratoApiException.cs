using System;
using System.Collections.Generic;

namespace Librato.Api
{
    /// <summary>
    /// An API call that did not succeed. The message names the method, path, status and the API's own
    /// error texts; it never carries credentials.
    /// </summary>
    public sealed class LibratoApiException : Exception
    {
        public LibratoApiException(
            LibratoErrorKind kind,
            string method,
            string path,
            int? statusCode,
            IReadOnlyList<string> apiErrors,
            Exception? inner = null,
            TimeSpan? retryAfter = null)
            : base(FormatMessage(kind, method, path, statusCode, apiErrors, inner), inner)
        {
            Kind = kind;
            Method = method;
            Path = path;
            StatusCode = statusCode;
            ApiErrors = apiErrors;
            RetryAfter = retryAfter;
        }

        /// <summary>How long the server asked to wait (Retry-After, or an exhausted rate limit's reset).</summary>
        public TimeSpan? RetryAfter { get; }

        /// <summary>
        /// True for failures worth trying again later: server errors, rate limits, timeouts, broken connections, and
        /// answers that were not the API's (a proxy's error page, say).
        /// </summary>
        public bool IsTransient => ApiTransport.IsTransient(this);

        /// <summary>
        /// True when every request of this session would fail the same way, whatever it carries: credentials,
        /// permissions, the TLS certificate, the proxy, or an endpoint that redirects. The data sent is not at fault.
        /// </summary>
        public bool IsSessionProblem =>
            Kind == LibratoErrorKind.Unauthorized || Kind == LibratoErrorKind.Forbidden || Kind == LibratoErrorKind.Redirected ||
            Kind == LibratoErrorKind.CertificateInvalid || Kind == LibratoErrorKind.ProxyAuthenticationFailed;

        public LibratoErrorKind Kind { get; }

        /// <summary>The kind in a few words: <c>connection failed</c>, <c>TLS certificate not valid</c>.</summary>
        public string KindText => Describe(Kind);

        public string Method { get; }

        /// <summary>The request path and query, relative to the endpoint.</summary>
        public string Path { get; }

        public int? StatusCode { get; }

        /// <summary>The error texts from the response body, flattened (<c>field: message</c>).</summary>
        public IReadOnlyList<string> ApiErrors { get; }

        private static string FormatMessage(
            LibratoErrorKind kind, string method, string path, int? status, IReadOnlyList<string> errors, Exception? inner)
        {
            var head = status.HasValue
                ? $"The Librato API answered {status.Value} ({Describe(kind)}) to {method} {path}"
                : $"{method} {path} failed: {Describe(kind)}";
            if (errors.Count > 0)
            {
                return head + ": " + string.Join("; ", errors);
            }

            return inner != null && !status.HasValue ? head + ": " + inner.Message : head + ".";
        }

        private static string Describe(LibratoErrorKind kind)
        {
            switch (kind)
            {
                case LibratoErrorKind.InvalidRequest: return "invalid request";
                case LibratoErrorKind.Unauthorized: return "authentication failed";
                case LibratoErrorKind.Forbidden: return "not permitted";
                case LibratoErrorKind.NotFound: return "not found";
                case LibratoErrorKind.RateLimited: return "rate limited";
                case LibratoErrorKind.ServerError: return "server error";
                case LibratoErrorKind.Timeout: return "timed out";
                case LibratoErrorKind.Connection: return "connection failed";
                case LibratoErrorKind.Redirected: return "redirected";
                case LibratoErrorKind.CertificateInvalid: return "TLS certificate not valid";
                case LibratoErrorKind.ProxyAuthenticationFailed: return "proxy authentication failed";
                case LibratoErrorKind.PayloadTooLarge: return "request too large";
                default: return "malformed response";
            }
        }
    }
}
