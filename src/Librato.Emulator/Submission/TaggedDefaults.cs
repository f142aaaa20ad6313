using System.Text.Json;
using Librato.Emulator.Input;
using Librato.Emulator.Storage;

namespace Librato.Emulator.Submission;

/// <summary>
/// The top-level fields of a tagged body. A problem with one of them is reported on each measurement that
/// inherits it, since tagged submissions reject measurements one by one.
/// </summary>
internal sealed class TaggedDefaults
{
    public TagSet? Tags { get; private init; }

    public string? TagsProblem { get; private init; }

    public long Time { get; private init; }

    public string? TimeProblem { get; private init; }

    public long? Period { get; private init; }

    public string? PeriodProblem { get; private init; }

    public JsonElement Attributes { get; private init; }

    public static TaggedDefaults Read(JsonElement root, TimeWindow window)
    {
        TagSet? tags = null;
        string? tagsProblem = TagRules.NoTags;
        var tagsElement = JsonBody.Get(root, "tags");
        if (JsonBody.IsPresent(tagsElement))
        {
            TagRules.TryParse(tagsElement, out tags, out tagsProblem);
        }

        long time = window.Now;
        string? timeProblem = null;
        var timeElement = JsonBody.Get(root, "time");
        if (JsonBody.IsPresent(timeElement))
        {
            var status = JsonNumbers.ReadInteger(timeElement, out time);
            timeProblem = status == NumberStatus.Ok ? window.Check(time) : JsonNumbers.Describe(status);
        }

        long? period = null;
        string? periodProblem = null;
        var periodElement = JsonBody.Get(root, "period");
        if (JsonBody.IsPresent(periodElement))
        {
            periodProblem = LegacyDefaults.PeriodProblem(periodElement, out long value);
            period = periodProblem is null ? value : null;
        }

        return new TaggedDefaults
        {
            Tags = tags,
            TagsProblem = tagsProblem,
            Time = time,
            TimeProblem = timeProblem,
            Period = period,
            PeriodProblem = periodProblem,
            Attributes = JsonBody.Get(root, "attributes"),
        };
    }
}
