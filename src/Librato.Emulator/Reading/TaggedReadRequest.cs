using Librato.Emulator.Http;
using Microsoft.AspNetCore.Http;

namespace Librato.Emulator.Reading;

/// <summary>The parameters of <c>GET /v1/measurements/:name</c>.</summary>
internal sealed class TaggedReadRequest
{
    public const long MaxResolution = 604800;

    private TaggedReadRequest(long resolution, long start, long end, SummaryFunction function, TagFilter filter)
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

    public SummaryFunction Function { get; }

    public TagFilter Filter { get; }

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

        var function = ParseFunction(QueryParams.GetString(query, "summary_function"), errors);
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

        return new TaggedReadRequest(resolution!.Value, start, end, function, TagFilter.Parse(query));
    }

    private static SummaryFunction ParseFunction(string? text, ParamErrors errors)
    {
        switch (text)
        {
            case null:
            case "mean":
                return SummaryFunction.Mean;
            case "sum":
                return SummaryFunction.Sum;
            case "min":
                return SummaryFunction.Min;
            case "max":
                return SummaryFunction.Max;
            case "count":
                return SummaryFunction.Count;
            case "all":
                return SummaryFunction.All;
            default:
                errors.Add("summary_function", ErrorMessages.NotInList);
                return SummaryFunction.Mean;
        }
    }
}
