using System;
using System.Collections.Generic;
using Librato.Emulator.Http;
using Microsoft.AspNetCore.Http;

namespace Librato.Emulator.Reading;

/// <summary>The time and source parameters of <c>GET /v1/metrics/:name</c>.</summary>
internal sealed class LegacyReadRequest
{
    public static readonly long[] Resolutions = { 1, 60, 900, 3600, 86400 };

    private static readonly string[] TriggerParameters =
    {
        "count", "resolution", "start_time", "end_time", "duration", "source", "sources[]", "sources",
        "summarize_time", "summarize_sources", "breakout_sources", "group_by",
    };

    private LegacyReadRequest(long resolution, long? start, long end, long? count, WildcardPattern? sourcePattern, HashSet<string>? sourceNames)
    {
        Resolution = resolution;
        Start = start;
        End = end;
        Count = count;
        SourcePattern = sourcePattern;
        SourceNames = sourceNames;
    }

    /// <summary>One record per source, merged over the whole window.</summary>
    public bool SummarizeTime { get; private init; }

    /// <summary>Whether the synthetic <c>all</c> source is added; <c>group_by</c> and <c>breakout_sources=false</c> imply it.</summary>
    public bool SummarizeSources { get; private init; }

    /// <summary>Whether the individual sources are listed; false with <c>group_by</c> unless asked for.</summary>
    public bool Breakout { get; private init; }

    public GroupFunction? GroupBy { get; private init; }

    public long Resolution { get; }

    /// <summary>Inclusive; null when only <see cref="Count"/> bounds the read (the last N points before the end).</summary>
    public long? Start { get; }

    /// <summary>Inclusive.</summary>
    public long End { get; }

    public long? Count { get; }

    public WildcardPattern? SourcePattern { get; }

    public HashSet<string>? SourceNames { get; }

    /// <summary>Whether the query asks for measurements at all; without these parameters only metadata is returned.</summary>
    public static bool IsRequested(IQueryCollection query)
    {
        foreach (string parameter in TriggerParameters)
        {
            if (query.ContainsKey(parameter))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>
    /// Parses the query. On failure returns null and either fills <paramref name="errors"/> or sets
    /// <paramref name="resolutionUnavailable"/>.
    /// </summary>
    public static LegacyReadRequest? Parse(IQueryCollection query, long now, ParamErrors errors, out bool resolutionUnavailable)
    {
        resolutionUnavailable = false;
        long resolution = QueryParams.GetInteger(query, "resolution", errors) ?? 1;
        long? startTime = QueryParams.GetInteger(query, "start_time", errors);
        long? endTime = QueryParams.GetInteger(query, "end_time", errors);
        long? duration = QueryParams.GetInteger(query, "duration", errors);
        long? count = QueryParams.GetInteger(query, "count", errors);
        if (count is < 1)
        {
            errors.Add("count", "must be greater than 0");
        }

        if (duration is < 0)
        {
            errors.Add("duration", "must not be negative");
        }

        bool? summarizeTime = QueryParams.GetBoolean(query, "summarize_time", errors);
        bool? summarizeSources = QueryParams.GetBoolean(query, "summarize_sources", errors);
        bool? breakout = QueryParams.GetBoolean(query, "breakout_sources", errors);
        GroupFunction? groupBy = null;
        if (QueryParams.GetString(query, "group_by") is { Length: > 0 } groupText)
        {
            groupBy = GroupFunctions.Parse(groupText);
            if (groupBy is null)
            {
                errors.Add("group_by", ErrorMessages.NotInList);
            }
        }

        if (errors.Any)
        {
            return null;
        }

        if (Array.IndexOf(Resolutions, resolution) < 0)
        {
            resolutionUnavailable = true;
            return null;
        }

        long end = endTime ?? now;
        long? start = startTime ?? (end - duration);
        if (start is null && count is null)
        {
            errors.Add("start_time", "is required when count is not given");
            return null;
        }

        if (start > end)
        {
            errors.Add("start_time", "must be before end_time");
            return null;
        }

        string? sourceText = QueryParams.GetString(query, "source");
        var names = QueryParams.GetList(query, "sources");
        // group_by implies summarize_sources and drops the breakout unless it is asked for; asking for no breakout
        // only makes sense with the all series, so it implies summarize_sources too.
        bool withBreakout = breakout ?? groupBy is null;
        return new LegacyReadRequest(
            resolution,
            start,
            end,
            count,
            string.IsNullOrEmpty(sourceText) ? null : new WildcardPattern(sourceText),
            names.Count == 0 ? null : new HashSet<string>(names, StringComparer.OrdinalIgnoreCase))
        {
            SummarizeTime = summarizeTime ?? false,
            SummarizeSources = (summarizeSources ?? false) || groupBy is not null || !withBreakout,
            Breakout = withBreakout,
            GroupBy = groupBy,
        };
    }

    /// <summary>
    /// Whether a series with this source (null: no source) is selected. Without a filter every series is; a
    /// pattern made only of '*' also selects points without a source.
    /// </summary>
    public bool Selects(string? source)
    {
        if (SourcePattern is null && SourceNames is null)
        {
            return true;
        }

        if (source is null)
        {
            return SourcePattern is { MatchesEverything: true };
        }

        return (SourcePattern?.IsMatch(source) ?? false) || (SourceNames?.Contains(source) ?? false);
    }
}
