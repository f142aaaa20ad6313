using System.Collections.Generic;

namespace Librato.Emulator;

/// <summary>One /v1 request as the emulator received it. The Authorization header is never kept.</summary>
/// <param name="Time">When the request arrived, in Unix milliseconds.</param>
/// <param name="Method">The HTTP method.</param>
/// <param name="Path">The request path, for example <c>/v1/metrics</c>.</param>
/// <param name="Query">The query string without the leading '?', empty when there is none.</param>
/// <param name="Status">The status code of the response.</param>
/// <param name="Headers">The request headers other than Authorization; repeated headers joined with ", ".</param>
/// <param name="Body">The request body as text, after gzip or deflate decompression.</param>
/// <param name="User">The authenticated account's email, or null when authentication failed.</param>
/// <remarks>A <paramref name="Status"/> of 0 means no response reached the client.</remarks>
public sealed record RecordedRequest(
    long Time,
    string Method,
    string Path,
    string Query,
    int Status,
    IReadOnlyDictionary<string, string> Headers,
    string Body,
    string? User)
{
    /// <summary>The kind of injected fault that answered the request (for example <c>drop</c>), or null.</summary>
    public string? Fault { get; init; }
}
