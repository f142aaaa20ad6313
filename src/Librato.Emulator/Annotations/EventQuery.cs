using System.Collections.Generic;
using Librato.Emulator.Http;
using Librato.Emulator.Reading;
using Librato.Emulator.Resources;
using Microsoft.AspNetCore.Http;

namespace Librato.Emulator.Annotations;

/// <summary>
/// The time and source parameters of <c>GET /v1/annotations/:name</c>. Events are chosen by their start time:
/// <c>start_time</c> to <c>end_time</c> (default now), or <c>duration</c> seconds back from <c>end_time</c>;
/// <c>count</c> takes the first N after <c>start_time</c>, or without it the last N up to <c>end_time</c>.
/// <c>sources[]</c> patterns with '*' wildcards keep matching sources; a pattern of only '*' also keeps events
/// without a source.
/// </summary>
internal sealed class EventQuery
{
    private static readonly string[] TimeParameters = { "start_time", "end_time", "count", "duration" };

    private readonly List<WildcardPattern> sources = new();

    private EventQuery(long? start, long end, long? count)
    {
        Start = start;
        End = end;
        Count = count;
    }

    public long? Start { get; }

    public long End { get; }

    public long? Count { get; }

    /// <summary>Whether any time parameter was given; without one the route shows only the stream.</summary>
    public static bool IsRequested(IQueryCollection query)
    {
        foreach (string name in TimeParameters)
        {
            if (query.ContainsKey(name))
            {
                return true;
            }
        }

        return false;
    }

    public static EventQuery? Parse(IQueryCollection query, long now, ParamErrors errors)
    {
        long? start = QueryParams.GetInteger(query, "start_time", errors);
        long end = QueryParams.GetInteger(query, "end_time", errors) ?? now;
        long? count = QueryParams.GetInteger(query, "count", errors);
        long? duration = QueryParams.GetInteger(query, "duration", errors);
        if (errors.Any)
        {
            return null;
        }

        if (start is null && duration is { } seconds)
        {
            start = end - seconds;
        }

        if (count is <= 0)
        {
            errors.Add("count", "must be greater than 0");
        }
        else if (start is null && count is null)
        {
            errors.Add("start_time", ErrorMessages.NotPresent);
        }
        else if (start > end)
        {
            errors.Add("start_time", ResourceMessages.StartAfterEnd);
        }

        if (errors.Any)
        {
            return null;
        }

        var result = new EventQuery(start, end, count);
        foreach (string pattern in QueryParams.GetList(query, "sources"))
        {
            result.sources.Add(new WildcardPattern(pattern));
        }

        return result;
    }

    /// <summary>The chosen events in start-time order.</summary>
    public List<AnnotationEvent> Select(List<AnnotationEvent> events)
    {
        var chosen = new List<AnnotationEvent>();
        foreach (var annotation in events)
        {
            if (annotation.StartTime <= End && (Start is null || annotation.StartTime >= Start) && SourceMatches(annotation.Source))
            {
                chosen.Add(annotation);
            }
        }

        chosen.Sort(static (a, b) => a.StartTime != b.StartTime ? a.StartTime.CompareTo(b.StartTime) : a.Id.CompareTo(b.Id));
        if (Count is { } count && chosen.Count > count)
        {
            int take = (int)count;
            chosen = Start is null ? chosen.GetRange(chosen.Count - take, take) : chosen.GetRange(0, take);
        }

        return chosen;
    }

    private bool SourceMatches(string? source)
    {
        if (sources.Count == 0)
        {
            return true;
        }

        foreach (var pattern in sources)
        {
            if (source is null ? pattern.MatchesEverything : pattern.IsMatch(source))
            {
                return true;
            }
        }

        return false;
    }
}
