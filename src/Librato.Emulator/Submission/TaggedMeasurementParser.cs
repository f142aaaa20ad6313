using System.Diagnostics.CodeAnalysis;
using System.Text.Json;
using Librato.Emulator.Http;
using Librato.Emulator.Input;

namespace Librato.Emulator.Submission;

/// <summary>Validates one entry of a tagged body's <c>measurements</c> array.</summary>
internal static class TaggedMeasurementParser
{
    public static bool TryParse(
        JsonElement element,
        int index,
        TaggedDefaults defaults,
        TimeWindow window,
        [NotNullWhen(true)] out TaggedMeasurement? measurement,
        out TaggedFailure failure)
    {
        measurement = null;
        if (element.ValueKind != JsonValueKind.Object)
        {
            failure = new TaggedFailure(index, null, "measurement", "is not an object");
            return false;
        }

        var nameElement = JsonBody.Get(element, "name");
        string? name = nameElement.ValueKind == JsonValueKind.String ? nameElement.GetString() : null;
        if (!JsonBody.IsPresent(nameElement))
        {
            failure = new TaggedFailure(index, null, "name", ErrorMessages.NotPresent);
            return false;
        }

        if (name is null || !NameRules.IsValidMetricName(name))
        {
            failure = new TaggedFailure(index, name, "name", $"'{name ?? nameElement.GetRawText()}' is not a valid metric name");
            return false;
        }

        long time = defaults.Time;
        string? timeProblem = defaults.TimeProblem;
        var timeElement = JsonBody.Get(element, "time");
        if (JsonBody.IsPresent(timeElement))
        {
            var status = JsonNumbers.ReadInteger(timeElement, out time);
            timeProblem = status == NumberStatus.Ok ? window.Check(time) : JsonNumbers.Describe(status);
        }

        if (timeProblem is not null)
        {
            failure = new TaggedFailure(index, name, "time", timeProblem);
            return false;
        }

        long? period = defaults.Period;
        string? periodProblem = defaults.PeriodProblem;
        var periodElement = JsonBody.Get(element, "period");
        if (JsonBody.IsPresent(periodElement))
        {
            periodProblem = LegacyDefaults.PeriodProblem(periodElement, out long value);
            period = value;
        }

        if (periodProblem is not null)
        {
            failure = new TaggedFailure(index, name, "period", periodProblem);
            return false;
        }

        if (!MeasurementValues.TryBuild(element, time, SummaryKind.Tagged, out var point, out var valueProblem))
        {
            failure = new TaggedFailure(index, name, valueProblem.Field, valueProblem.Message);
            return false;
        }

        // Own tags replace the top-level tags outright; an empty object counts as not giving any.
        var tags = defaults.Tags;
        string? tagsProblem = defaults.TagsProblem;
        var tagsElement = JsonBody.Get(element, "tags");
        if (JsonBody.IsPresent(tagsElement) &&
            !(tagsElement.ValueKind == JsonValueKind.Object && IsEmptyObject(tagsElement)))
        {
            TagRules.TryParse(tagsElement, out tags, out tagsProblem);
        }

        if (tagsProblem is not null || tags is null)
        {
            failure = new TaggedFailure(index, name, "tags", tagsProblem ?? TagRules.NoTags);
            return false;
        }

        var attributes = JsonBody.Get(element, "attributes");
        measurement = new TaggedMeasurement(name, tags, point, period, JsonBody.IsPresent(attributes) ? attributes : defaults.Attributes);
        failure = default;
        return true;
    }

    private static bool IsEmptyObject(JsonElement element)
    {
        using var members = element.EnumerateObject();
        return !members.MoveNext();
    }
}
