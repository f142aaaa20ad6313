using System.Diagnostics.CodeAnalysis;
using System.Text.Json;
using Librato.Emulator.Input;
using Librato.Emulator.Storage;

namespace Librato.Emulator.Submission;

/// <summary>Validates one legacy gauge or counter; every message names the entry it is about.</summary>
internal static class LegacyEntryParser
{
    public static bool TryParse(
        in LegacyEntry entry,
        LegacyDefaults defaults,
        TimeWindow window,
        [NotNullWhen(true)] out LegacyMeasurement? measurement,
        out FieldProblem problem)
    {
        measurement = null;
        var element = entry.Element;
        if (element.ValueKind != JsonValueKind.Object)
        {
            problem = new FieldProblem(entry.Type == MetricType.Counter ? "counters" : "gauges", $"{entry.Label} is not an object");
            return false;
        }

        var nameElement = JsonBody.Get(element, "name");
        string? name = nameElement.ValueKind switch
        {
            JsonValueKind.String => nameElement.GetString(),
            JsonValueKind.Undefined => entry.Key,
            _ => nameElement.GetRawText(),
        };
        if (name is null)
        {
            problem = new FieldProblem("name", $"{entry.Label} name is not present");
            return false;
        }

        if (!NameRules.IsValidMetricName(name))
        {
            problem = new FieldProblem("name", $"{entry.Label} '{name}' is not a valid metric name");
            return false;
        }

        string prefix = $"{entry.Label} '{name}'";
        string? source = defaults.Source;
        var sourceElement = JsonBody.Get(element, "source");
        if (JsonBody.IsPresent(sourceElement))
        {
            source = sourceElement.ValueKind == JsonValueKind.String ? sourceElement.GetString() : sourceElement.GetRawText();
            string? sourceProblem = LegacyDefaults.SourceProblem(source);
            if (sourceProblem is not null)
            {
                problem = new FieldProblem("source", $"{prefix} source {sourceProblem}");
                return false;
            }
        }

        long time = defaults.MeasureTime;
        var timeElement = JsonBody.Get(element, "measure_time");
        if (JsonBody.IsPresent(timeElement))
        {
            var status = JsonNumbers.ReadInteger(timeElement, out time);
            string? timeProblem = status == NumberStatus.Ok ? window.Check(time) : JsonNumbers.Describe(status);
            if (timeProblem is not null)
            {
                problem = new FieldProblem("measure_time", $"{prefix} measure_time {timeProblem}");
                return false;
            }
        }

        long? period = defaults.Period;
        var periodElement = JsonBody.Get(element, "period");
        if (JsonBody.IsPresent(periodElement))
        {
            string? periodProblem = LegacyDefaults.PeriodProblem(periodElement, out long value);
            if (periodProblem is not null)
            {
                problem = new FieldProblem("period", $"{prefix} period {periodProblem}");
                return false;
            }

            period = value;
        }

        var kind = entry.Type == MetricType.Counter ? SummaryKind.None : SummaryKind.Legacy;
        if (!MeasurementValues.TryBuild(element, time, kind, out var point, out var valueProblem))
        {
            problem = new FieldProblem(valueProblem.Field, $"{prefix} {valueProblem.Field} {valueProblem.Message}");
            return false;
        }

        var attributes = JsonBody.Get(element, "attributes");
        measurement = new LegacyMeasurement(
            name,
            entry.Type,
            source,
            point,
            period,
            JsonBody.GetString(element, "display_name") ?? defaults.DisplayName,
            JsonBody.GetString(element, "description") ?? defaults.Description,
            JsonBody.IsPresent(attributes) ? attributes : defaults.Attributes);
        problem = default;
        return true;
    }
}
