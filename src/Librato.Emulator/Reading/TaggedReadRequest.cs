using Librato.Emulator.Http;
using Librato.Emulator.Storage;
using Microsoft.AspNetCore.Http;

namespace Librato.Emulator.Reading;

/// <summary>The parameters of <c>GET /v1/measurements/:name</c>.</summary>
internal sealed class TaggedReadRequest
{
    public const long MaxResolution = 604800;

    private TaggedReadRequest(long resolution, long start, long end, SummaryFunction? function, TagFilter filter)
    {
        Resolution = resolution;
        Start = start;
        End = end;
        Function = function;
        Filter = filter;
    }

    public long Resolution { get; }

    /// <summary>Inclusive.</summary>
    public long Start { get; }

    /// <summary>Inclusive.</summary>
    public long End { get; }

    /// <summary>Null when not given: the metric's own summary function applies.</summary>
    public SummaryFunction? Function { get; }

    public TagFilter Filter { get; }

    public TagSearch? Search { get; private init; }

    /// <summary>The tags to group by; empty for <c>group_by=*</c>, null without grouping.</summary>
    public string[]? GroupBy { get; private init; }

    public GroupFunction GroupFunction { get; private init; }

    public bool Selects(TagSet tags) => Search?.Matches(tags) ?? Filter.Matches(tags);

    public static TaggedReadRequest? Parse(IQueryCollection query, long now, ParamErrors errors)
    {
        long? resolution = QueryParams.GetInteger(query, "resolution", errors);
        long? startTime = QueryParams.GetInteger(query, "start_time", errors);
        long? endTime = QueryParams.GetInteger(query, "end_time", errors);
        long? duration = QueryParams.GetInteger(query, "duration", errors);
        if (resolution is null && !QueryParams.Has(query, "resolution"))
        {
            errors.Add("resolution", "is required");
        }
        else if (resolution is < 1 or > MaxResolution)
        {
            errors.Add("resolution", $"must be between 1 and {MaxResolution}");
        }

        if (duration is < 1)
        {
            errors.Add("duration", "must be greater than 0");
        }

        if (startTime.HasValue && endTime.HasValue && duration.HasValue)
        {
            errors.Add("duration", "cannot be combined with both start_time and end_time");
        }
        else if (startTime is null && duration is null && !QueryParams.Has(query, "start_time") && !QueryParams.Has(query, "duration"))
        {
            errors.Add("start_time", "is required when duration is not given");
        }

        SummaryFunction? function = null;
        if (QueryParams.GetString(query, "summary_function") is { } functionText)
        {
            function = SummaryFunctions.Parse(functionText);
            if (function is null)
            {
                errors.Add("summary_function", ErrorMessages.NotInList);
            }
        }

        var filter = TagFilter.Parse(query);
        TagSearch? search = null;
        if (QueryParams.GetString(query, "tags_search") is { Length: > 0 } searchText)
        {
            if (filter.IsGiven)
            {
                errors.Add("tags_search", "cannot be combined with tags");
            }
            else
            {
                search = TagSearch.Parse(searchText, out string? problem);
                if (search is null)
                {
                    errors.Add("tags_search", $"is not a valid search expression: {problem}");
                }
            }
        }

        string[]? groupBy = ParseGroupBy(QueryParams.GetString(query, "group_by"), errors);
        var groupFunction = GroupFunction.Sum;
        string? groupFunctionText = QueryParams.GetString(query, "group_by_function");
        if (groupBy is not null)
        {
            if (string.IsNullOrEmpty(groupFunctionText))
            {
                errors.Add("group_by_function", "is required when group_by is given");
            }
            else if (GroupFunctions.Parse(groupFunctionText) is { } parsed and not GroupFunction.Count)
            {
                groupFunction = parsed;
            }
            else
            {
                errors.Add("group_by_function", ErrorMessages.NotInList);
            }

            if (function == SummaryFunction.All)
            {
                errors.Add("summary_function", "cannot be all when group_by is given");
            }
        }

        if (errors.Any)
        {
            return null;
        }

        long start;
        long end;
        if (startTime.HasValue)
        {
            start = startTime.Value;
            end = endTime ?? (duration.HasValue ? start + duration.Value : now);
        }
        else
        {
            end = endTime ?? now;
            start = end - duration!.Value;
        }

        if (start > end)
        {
            errors.Add("start_time", "must be before end_time");
            return null;
        }

        return new TaggedReadRequest(resolution!.Value, start, end, function, filter)
        {
            Search = search,
            GroupBy = groupBy,
            GroupFunction = groupFunction,
        };
    }

    /// <summary><c>region</c>, <c>region,az</c> or <c>*</c>; tag names ignore case like everywhere else.</summary>
    private static string[]? ParseGroupBy(string? text, ParamErrors errors)
    {
        if (string.IsNullOrEmpty(text))
        {
            return null;
        }

        if (text.Trim() == "*")
        {
            return System.Array.Empty<string>();
        }

        var names = new System.Collections.Generic.List<string>();
        foreach (string part in text.Split(','))
        {
            string name = part.Trim().ToLowerInvariant();
            if (!Input.TagRules.IsValidName(name))
            {
                errors.Add("group_by", $"'{part.Trim()}' is not a valid tag name");
                return null;
            }

            if (!names.Contains(name))
            {
                names.Add(name);
            }
        }

        return names.ToArray();
    }
}
