using System;
using System.Text;
using System.Text.Json;
using Librato.Emulator.Input;
using Librato.Emulator.Storage;

namespace Librato.Emulator.Submission;

/// <summary>Validates one legacy gauge or counter; every message names the entry it is about.</summary>
internal static class LegacyEntryParser
{
    public static bool TryParse(
        ReadOnlySpan<byte> body,
        in RawMeasurement entry,
        MetricType type,
        LegacyDefaults defaults,
        TimeWindow window,
        MetricResolver metrics,
        SourceResolver sources,
        out LegacyItem item,
        out FieldProblem problem)
    {
        item = default;
        string collection = type == MetricType.Counter ? "counters" : "gauges";
        if (entry.Kind != JsonValueKind.Object)
        {
            problem = new FieldProblem(collection, $"{Label(body, entry, collection)} is not an object");
            return false;
        }

        if (!TryResolveName(body, entry, collection, metrics, out var metric, out problem))
        {
            return false;
        }

        string? source = defaults.Source;
        var sourceField = entry[MeasurementField.Source];
        if (sourceField.IsPresent)
        {
            source = sources.Resolve(body, sourceField, out string? sourceProblem);
            if (sourceProblem is not null)
            {
                problem = new FieldProblem("source", $"{Prefix(body, entry, collection)} source {sourceProblem}");
                return false;
            }
        }

        long time = defaults.MeasureTime;
        var timeField = entry[MeasurementField.MeasureTime];
        if (timeField.IsPresent)
        {
            var status = timeField.ReadInteger(body, out time);
            string? timeProblem = status == NumberStatus.Ok ? window.Check(time) : JsonNumbers.Describe(status);
            if (timeProblem is not null)
            {
                problem = new FieldProblem("measure_time", $"{Prefix(body, entry, collection)} measure_time {timeProblem}");
                return false;
            }
        }

        long? period = defaults.Period;
        var periodField = entry[MeasurementField.Period];
        if (periodField.IsPresent)
        {
            string? periodProblem = LegacyDefaults.PeriodProblem(body, periodField, out long value);
            if (periodProblem is not null)
            {
                problem = new FieldProblem("period", $"{Prefix(body, entry, collection)} period {periodProblem}");
                return false;
            }

            period = value;
        }

        var kind = type == MetricType.Counter ? SummaryKind.None : SummaryKind.Legacy;
        if (!MeasurementValues.TryBuild(body, entry, time, kind, out var point, out var valueProblem))
        {
            problem = new FieldProblem(valueProblem.Field, $"{Prefix(body, entry, collection)} {valueProblem.Field} {valueProblem.Message}");
            return false;
        }

        item = new LegacyItem(metric, type, source, point, period, type == MetricType.Counter, entry.Index);
        problem = default;
        return true;
    }

    /// <summary>
    /// The entry's own name: its <c>name</c> when that is a string, its key in the hashed layout when <c>name</c> is
    /// absent or null, and the raw JSON text of any other <c>name</c> (which is then invalid). Null when there is none.
    /// </summary>
    public static string? NameOf(ReadOnlySpan<byte> body, in RawMeasurement entry)
    {
        var name = entry[MeasurementField.Name];
        if (name.Kind == JsonValueKind.String)
        {
            return name.GetString(body);
        }

        if (!name.IsPresent)
        {
            return entry.Key.GetString(body);
        }

        return name.RawText(body);
    }

    private static bool TryResolveName(
        ReadOnlySpan<byte> body, in RawMeasurement entry, string collection, MetricResolver metrics, out ResolvedMetric metric, out FieldProblem problem)
    {
        var nameField = entry[MeasurementField.Name];
        var textField = nameField.Kind == JsonValueKind.String ? nameField : !nameField.IsPresent ? entry.Key : default;
        if (textField.Kind == JsonValueKind.String && !textField.IsEscaped)
        {
            var bytes = textField.StringBytes(body);
            if (NameRules.IsValidMetricName(bytes))
            {
                metric = metrics.Resolve(bytes);
                problem = default;
                return true;
            }
        }

        metric = null!;
        string? name = NameOf(body, entry);
        if (name is null)
        {
            problem = new FieldProblem("name", $"{Label(body, entry, collection)} name is not present");
            return false;
        }

        if (!NameRules.IsValidMetricName(name))
        {
            problem = new FieldProblem("name", $"{Label(body, entry, collection)} '{name}' is not a valid metric name");
            return false;
        }

        metric = metrics.Resolve(name);
        problem = default;
        return true;
    }

    /// <summary><c>gauges[3]</c> in an array, <c>gauges[cpu]</c> in an object.</summary>
    private static string Label(ReadOnlySpan<byte> body, in RawMeasurement entry, string collection)
    {
        var label = new StringBuilder(collection).Append('[');
        if (entry.Key.Kind == JsonValueKind.String)
        {
            label.Append(entry.Key.GetString(body));
        }
        else
        {
            label.Append(entry.Index);
        }

        return label.Append(']').ToString();
    }

    private static string Prefix(ReadOnlySpan<byte> body, in RawMeasurement entry, string collection) =>
        $"{Label(body, entry, collection)} '{NameOf(body, entry)}'";
}
