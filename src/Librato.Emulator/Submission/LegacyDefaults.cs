using System;
using System.Text.Json;
using Librato.Emulator.Http;
using Librato.Emulator.Input;

namespace Librato.Emulator.Submission;

/// <summary>The top-level fields of a legacy body that apply to every entry that does not set its own.</summary>
internal sealed class LegacyDefaults
{
    public string? Source { get; private init; }

    public long MeasureTime { get; private init; }

    public long? Period { get; private init; }

    public string? DisplayName { get; private init; }

    public string? Description { get; private init; }

    public JsonScalar Attributes { get; private init; }

    /// <summary>Reads the top-level fields, reporting invalid ones once (not once per entry that inherits them).</summary>
    public static LegacyDefaults Read(ReadOnlySpan<byte> body, in FieldSet root, TimeWindow window, ParamErrors errors)
    {
        string? source = null;
        var sourceField = root.Get(MeasurementField.Source);
        if (sourceField.IsPresent)
        {
            string text = sourceField.TextOrRaw(body);
            string? problem = SourceProblem(text);
            if (problem is null)
            {
                source = text;
            }
            else
            {
                errors.Add("source", problem);
            }
        }

        long measureTime = window.Now;
        var timeField = root.Get(MeasurementField.MeasureTime);
        if (timeField.IsPresent)
        {
            var status = timeField.ReadInteger(body, out long time);
            string? problem = status == NumberStatus.Ok ? window.Check(time) : JsonNumbers.Describe(status);
            if (problem is null)
            {
                measureTime = time;
            }
            else
            {
                errors.Add("measure_time", problem);
            }
        }

        long? period = null;
        var periodField = root.Get(MeasurementField.Period);
        if (periodField.IsPresent)
        {
            string? problem = PeriodProblem(body, periodField, out long value);
            if (problem is null)
            {
                period = value;
            }
            else
            {
                errors.Add("period", problem);
            }
        }

        return new LegacyDefaults
        {
            Source = source,
            MeasureTime = measureTime,
            Period = period,
            DisplayName = root.Get(MeasurementField.DisplayName).GetString(body),
            Description = root.Get(MeasurementField.Description).GetString(body),
            Attributes = root.Get(MeasurementField.Attributes),
        };
    }

    /// <summary>Null for a valid source, otherwise the reason it is not.</summary>
    public static string? SourceProblem(string? source)
    {
        if (NameRules.IsReservedSource(source))
        {
            return $"'{source}' is a reserved source name";
        }

        return NameRules.IsValidSource(source) ? null : $"'{source}' is not a valid source name";
    }

    /// <summary>Null for a valid period (a whole number of seconds above zero), otherwise the reason it is not.</summary>
    public static string? PeriodProblem(ReadOnlySpan<byte> body, in JsonScalar field, out long period) =>
        PeriodProblem(field.ReadInteger(body, out period), period);

    /// <inheritdoc cref="PeriodProblem(ReadOnlySpan{byte}, in JsonScalar, out long)"/>
    public static string? PeriodProblem(JsonElement element, out long period) =>
        PeriodProblem(JsonNumbers.ReadInteger(element, out period), period);

    private static string? PeriodProblem(NumberStatus status, long period)
    {
        if (status != NumberStatus.Ok)
        {
            return JsonNumbers.Describe(status);
        }

        return period < 1 ? "must be greater than 0" : null;
    }
}
