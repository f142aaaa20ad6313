namespace Librato.Api
{
    /// <summary>What went wrong with an API call, in the terms a caller decides on.</summary>
    public enum LibratoErrorKind
    {
        /// <summary>The request was invalid (400, 415, 422 and other client errors).</summary>
        InvalidRequest,

        /// <summary>Credentials missing or wrong (401).</summary>
        Unauthorized,

        /// <summary>The token may not do this, or the account is closed (403).</summary>
        Forbidden,

        /// <summary>The resource does not exist (404).</summary>
        NotFound,

        /// <summary>The account hit its rate limit (429, or the historical 403 body).</summary>
        RateLimited,

        /// <summary>The server failed (5xx).</summary>
        ServerError,

        /// <summary>No answer in time.</summary>
        Timeout,

        /// <summary>The connection could not be made or was broken.</summary>
        Connection,

        /// <summary>The server answered with something that is not the API's answer (an HTML page, another shape).</summary>
        MalformedResponse,

        /// <summary>The server answered with a redirect (3xx), which is never followed.</summary>
        Redirected,

        /// <summary>The server's TLS certificate did not validate; certificate validation is never relaxed.</summary>
        CertificateInvalid,

        /// <summary>The proxy refused the proxy credentials, or asked for some that were not given (407).</summary>
        ProxyAuthenticationFailed,

        /// <summary>The request body was too large for the server (413).</summary>
        PayloadTooLarge,
    }
}
