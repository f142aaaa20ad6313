using System;
using Microsoft.AspNetCore.Http;

namespace Librato.Emulator.Limits;

/// <summary>The two counters Librato reports: measurement submissions (Agg) and every other call (Std).</summary>
internal enum RateBucket
{
    Agg,
    Std,
}

internal static class RateBuckets
{
    /// <summary>Measurement submissions count against Agg; everything else against Std.</summary>
    public static RateBucket For(string method, PathString path) =>
        HttpMethods.IsPost(method) &&
        (path.Equals("/v1/metrics", StringComparison.OrdinalIgnoreCase) ||
         path.Equals("/v1/measurements", StringComparison.OrdinalIgnoreCase))
            ? RateBucket.Agg
            : RateBucket.Std;
}
