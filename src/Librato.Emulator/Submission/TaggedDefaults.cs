using System;
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

    public JsonScalar Attributes { get; private init; }

    public static TaggedDefaults Read(ReadOnlySpan<byte> body, in FieldSet root, TimeWindow window)
    {
        TagSet? tags = null;
        string? tagsProblem = TagRules.NoTags;
        var tagsField = root.Get(MeasurementField.Tags);
        if (tagsField.IsPresent)
        {
            TagRules.TryParse(body, tagsField, out tags, out tagsProblem);
        }

        long time = window.Now;
        string? timeProblem = null;
        var timeField = root.Get(MeasurementField.Time);
        if (timeField.IsPresent)
        {
            var status = timeField.ReadInteger(body, out time);
            timeProblem = status == NumberStatus.Ok ? window.Check(time) : JsonNumbers.Describe(status);
        }

        long? period = null;
        string? periodProblem = null;
        var periodField = root.Get(MeasurementField.Period);
        if (periodField.IsPresent)
        {
            periodProblem = LegacyDefaults.PeriodProblem(body, periodField, out long value);
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
            Attributes = root.Get(MeasurementField.Attributes),
        };
    }
}
