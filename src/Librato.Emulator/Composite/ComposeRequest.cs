using System;
using Librato.Emulator.Http;
using Librato.Emulator.Reading;
using Microsoft.AspNetCore.Http;

namespace Librato.Emulator.Composite;

/// <summary>
/// The parameters of a composite query (<c>GET /v1/metrics?compose=</c> and <c>GET /v1/measurements?compose=</c>):
/// <c>compose</c>, <c>start_time</c> and <c>resolution</c> are required, <c>end_time</c> defaults to now, and
/// <c>count</c> is ignored, as documented.
/// </summary>
internal sealed class ComposeRequest
{
    private ComposeRequest(string compose, long start, long end, long resolution)
    {
        Compose = compose;
        Start = start;
        End = end;
        Resolution = resolution;
    }

    public string Compose { get; }

    /// <summary>Inclusive.</summary>
    public long Start { get; }

    /// <summary>Inclusive.</summary>
    public long End { get; }

    public long Resolution { get; }

    /// <summary>
    /// Parses the query. Legacy queries take the legacy resolutions, and any other one sets
    /// <paramref name="resolutionUnavailable"/>; tagged queries take 1 to 604800 seconds. On failure returns null.
    /// </summary>
    public static ComposeRequest? Parse(IQueryCollection query, long now, bool legacy, ParamErrors errors, out bool resolutionUnavailable)
    {
        resolutionUnavailable = false;
        string? compose = QueryParams.GetString(query, "compose");
        if (string.IsNullOrWhiteSpace(compose))
        {
            errors.Add("compose", "is required");
        }

        long? start = Required(query, "start_time", errors);
        long? resolution = Required(query, "resolution", errors);
        long? endTime = QueryParams.GetInteger(query, "end_time", errors);
        if (!legacy && resolution is < 1 or > TaggedReadRequest.MaxResolution)
        {
            errors.Add("resolution", $"must be between 1 and {TaggedReadRequest.MaxResolution}");
        }

        long end = endTime ?? now;
        if (start > end)
        {
            errors.Add("start_time", "must be before end_time");
        }

        if (errors.Any)
        {
            return null;
        }

        if (legacy && Array.IndexOf(LegacyReadRequest.Resolutions, resolution!.Value) < 0)
        {
            resolutionUnavailable = true;
            return null;
        }

        return new ComposeRequest(compose!, start!.Value, end, resolution!.Value);
    }

    private static long? Required(IQueryCollection query, string key, ParamErrors errors)
    {
        if (!QueryParams.Has(query, key))
        {
            errors.Add(key, "is required");
            return null;
        }

        return QueryParams.GetInteger(query, key, errors);
    }
}
