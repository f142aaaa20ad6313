using System;
using System.Threading;
using Microsoft.AspNetCore.Http;

namespace Librato.Emulator.Faults;

/// <summary>A fault waiting for the next matching /v1 requests, with the parameters of its answer.</summary>
internal sealed class Fault
{
    private int remaining;

    public Fault(int count)
    {
        remaining = count;
    }

    public int Id { get; set; }

    public FaultKind Kind { get; init; }

    /// <summary>The HTTP method to match, or null for any.</summary>
    public string? Method { get; init; }

    /// <summary>The path to match: exact or a prefix by whole segments, or a pattern with '*'; null for any /v1 path.</summary>
    public string? Path { get; init; }

    /// <summary>The account to match, or null for any request, authenticated or not.</summary>
    public string? User { get; init; }

    /// <summary>The status to answer; null when the kind keeps the route's own.</summary>
    public int? Status { get; init; }

    /// <summary>The body to answer; null for the kind's default.</summary>
    public string? Body { get; init; }

    public string? ContentType { get; init; }

    public int? RetryAfter { get; init; }

    /// <summary>A Location header to answer with (a redirect, with a 3xx status).</summary>
    public string? Location { get; init; }

    public int DelayMilliseconds { get; init; }

    /// <summary>Whether the route handles the request first (so its data is stored) before the fault answers.</summary>
    public bool Process { get; init; }

    /// <summary>For drops: whether part of the body is sent before the abort, or only the headers.</summary>
    public bool DropAfterHeaders { get; init; }

    /// <summary>For truncation: how many bytes of the body are sent; null for half of it.</summary>
    public int? Bytes { get; init; }

    public int Remaining => Volatile.Read(ref remaining);

    /// <summary>Uses up one of the fault's requests; false when none is left.</summary>
    public bool TryUse()
    {
        while (true)
        {
            int current = Volatile.Read(ref remaining);
            if (current <= 0)
            {
                return false;
            }

            if (Interlocked.CompareExchange(ref remaining, current - 1, current) == current)
            {
                return true;
            }
        }
    }

    public bool Matches(string method, PathString path, string? user)
    {
        if (Method is not null && !string.Equals(Method, method, StringComparison.OrdinalIgnoreCase))
        {
            return false;
        }

        if (User is not null && !string.Equals(User, user, StringComparison.OrdinalIgnoreCase))
        {
            return false;
        }

        return Path is null || PathMatches(Path, path.Value ?? string.Empty);
    }

    private static bool PathMatches(string pattern, string path)
    {
        if (pattern.Contains('*', StringComparison.Ordinal))
        {
            return new Reading.WildcardPattern(pattern).IsMatch(path);
        }

        string trimmed = pattern.TrimEnd('/');
        return string.Equals(path, trimmed, StringComparison.OrdinalIgnoreCase) ||
               (path.StartsWith(trimmed + "/", StringComparison.OrdinalIgnoreCase));
    }
}
