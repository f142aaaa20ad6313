using System;
using System.Text.Json;
using Librato.Emulator.Http;
using Librato.Emulator.Input;

namespace Librato.Emulator.Submission;

/// <summary>Validates one entry of a tagged body's <c>measurements</c> array.</summary>
internal static class TaggedMeasurementParser
{
    public static bool TryParse(
        ReadOnlySpan<byte> body,
        in RawMeasurement measurement,
        TaggedDefaults defaults,
        TimeWindow window,
        MetricResolver metrics,
        TagResolver tagResolver,
        out TaggedItem item,
        out TaggedFailure failure)
    {
        item = default;
        int index = measurement.Index;
        if (measurement.Kind != JsonValueKind.Object)
        {
            failure = new TaggedFailure(index, null, "measurement", "is not an object");
            return false;
        }

        var nameField = measurement[MeasurementField.Name];
        if (!nameField.IsPresent)
        {
            failure = new TaggedFailure(index, null, "name", ErrorMessages.NotPresent);
            return false;
        }

        if (nameField.Kind != JsonValueKind.String)
        {
            failure = new TaggedFailure(index, null, "name", $"'{nameField.RawText(body)}' is not a valid metric name");
            return false;
        }

        ResolvedMetric metric;
        if (!nameField.IsEscaped && NameRules.IsValidMetricName(nameField.StringBytes(body)))
        {
            metric = metrics.Resolve(nameField.StringBytes(body));
        }
        else
        {
            string name = nameField.GetString(body)!;
            if (!NameRules.IsValidMetricName(name))
            {
                failure = new TaggedFailure(index, name, "name", $"'{name}' is not a valid metric name");
                return false;
            }

            metric = metrics.Resolve(name);
        }

        long time = defaults.Time;
        string? timeProblem = defaults.TimeProblem;
        var timeField = measurement[MeasurementField.Time];
        if (timeField.IsPresent)
        {
            var status = timeField.ReadInteger(body, out time);
            timeProblem = status == NumberStatus.Ok ? window.Check(time) : JsonNumbers.Describe(status);
        }

        if (timeProblem is not null)
        {
            failure = Fail(body, measurement, "time", timeProblem);
            return false;
        }

        long? period = defaults.Period;
        string? periodProblem = defaults.PeriodProblem;
        var periodField = measurement[MeasurementField.Period];
        if (periodField.IsPresent)
        {
            periodProblem = LegacyDefaults.PeriodProblem(body, periodField, out long value);
            period = value;
        }

        if (periodProblem is not null)
        {
            failure = Fail(body, measurement, "period", periodProblem);
            return false;
        }

        if (!MeasurementValues.TryBuild(body, measurement, time, SummaryKind.Tagged, out var point, out var valueProblem))
        {
            failure = Fail(body, measurement, valueProblem.Field, valueProblem.Message);
            return false;
        }

        // Own tags replace the top-level tags outright; an empty object counts as not giving any.
        var tags = defaults.Tags;
        string? tagsProblem = defaults.TagsProblem;
        var tagsField = measurement[MeasurementField.Tags];
        if (tagsField.IsPresent && !(tagsField.Kind == JsonValueKind.Object && TagResolver.IsEmptyObject(body, tagsField)))
        {
            tagResolver.TryResolve(body, tagsField, out tags, out tagsProblem);
        }

        if (tagsProblem is not null || tags is null)
        {
            failure = Fail(body, measurement, "tags", tagsProblem ?? TagRules.NoTags);
            return false;
        }

        var attributes = measurement[MeasurementField.Attributes];
        item = new TaggedItem(metric, tags, point, period, attributes.IsPresent ? attributes : defaults.Attributes);
        failure = default;
        return true;
    }

    /// <summary>The failure of a measurement whose name is valid, naming it as it was spelled.</summary>
    public static TaggedFailure Fail(ReadOnlySpan<byte> body, in RawMeasurement measurement, string param, string reason) =>
        new(measurement.Index, measurement[MeasurementField.Name].GetString(body), param, reason);
}
