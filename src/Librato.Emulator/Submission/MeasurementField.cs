using System;

namespace Librato.Emulator.Submission;

/// <summary>The properties a submission reader keeps, at the top level or on a measurement; others are skipped.</summary>
internal enum MeasurementField
{
    Name,
    Value,
    Count,
    Sum,
    Min,
    Max,
    Last,
    Stddev,
    SumSquares,
    Time,
    MeasureTime,
    Period,
    Source,
    Tags,
    Attributes,
    DisplayName,
    Description,
    Measurements,
    Gauges,
    Counters,
}

internal static class MeasurementFields
{
    public const int Count = 20;

    /// <summary>The longest known name; a longer property name cannot be one of them.</summary>
    public const int MaxNameLength = 12;

    /// <summary>The field a property name stands for, or -1.</summary>
    public static int Lookup(ReadOnlySpan<byte> name)
    {
        switch (name.Length)
        {
            case 3:
                return name.SequenceEqual("sum"u8) ? (int)MeasurementField.Sum
                    : name.SequenceEqual("min"u8) ? (int)MeasurementField.Min
                    : name.SequenceEqual("max"u8) ? (int)MeasurementField.Max
                    : -1;
            case 4:
                return name.SequenceEqual("name"u8) ? (int)MeasurementField.Name
                    : name.SequenceEqual("time"u8) ? (int)MeasurementField.Time
                    : name.SequenceEqual("tags"u8) ? (int)MeasurementField.Tags
                    : name.SequenceEqual("last"u8) ? (int)MeasurementField.Last
                    : -1;
            case 5:
                return name.SequenceEqual("value"u8) ? (int)MeasurementField.Value
                    : name.SequenceEqual("count"u8) ? (int)MeasurementField.Count
                    : -1;
            case 6:
                return name.SequenceEqual("source"u8) ? (int)MeasurementField.Source
                    : name.SequenceEqual("period"u8) ? (int)MeasurementField.Period
                    : name.SequenceEqual("stddev"u8) ? (int)MeasurementField.Stddev
                    : name.SequenceEqual("gauges"u8) ? (int)MeasurementField.Gauges
                    : -1;
            case 8:
                return name.SequenceEqual("counters"u8) ? (int)MeasurementField.Counters : -1;
            case 10:
                return name.SequenceEqual("attributes"u8) ? (int)MeasurementField.Attributes : -1;
            case 11:
                return name.SequenceEqual("sum_squares"u8) ? (int)MeasurementField.SumSquares
                    : name.SequenceEqual("description"u8) ? (int)MeasurementField.Description
                    : -1;
            case 12:
                return name.SequenceEqual("measure_time"u8) ? (int)MeasurementField.MeasureTime
                    : name.SequenceEqual("display_name"u8) ? (int)MeasurementField.DisplayName
                    : name.SequenceEqual("measurements"u8) ? (int)MeasurementField.Measurements
                    : -1;
            default:
                return -1;
        }
    }

    /// <summary>The property name of a field, as error messages and too-large errors name it.</summary>
    public static string ApiName(MeasurementField field) => field switch
    {
        MeasurementField.Name => "name",
        MeasurementField.Value => "value",
        MeasurementField.Count => "count",
        MeasurementField.Sum => "sum",
        MeasurementField.Min => "min",
        MeasurementField.Max => "max",
        MeasurementField.Last => "last",
        MeasurementField.Stddev => "stddev",
        MeasurementField.SumSquares => "sum_squares",
        MeasurementField.Time => "time",
        MeasurementField.MeasureTime => "measure_time",
        MeasurementField.Period => "period",
        MeasurementField.Source => "source",
        MeasurementField.Tags => "tags",
        MeasurementField.Attributes => "attributes",
        MeasurementField.DisplayName => "display_name",
        MeasurementField.Description => "description",
        MeasurementField.Measurements => "measurements",
        MeasurementField.Gauges => "gauges",
        _ => "counters",
    };
}
