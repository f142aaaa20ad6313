using System;
using System.Collections.Generic;
using System.Text.Json;
using Librato.Emulator.Storage;

namespace Librato.Emulator.Reading;

internal static class SummaryFunctions
{
    public static SummaryFunction? Parse(string? text) => text switch
    {
        "mean" => SummaryFunction.Mean,
        "sum" => SummaryFunction.Sum,
        "min" => SummaryFunction.Min,
        "max" => SummaryFunction.Max,
        "count" => SummaryFunction.Count,
        "derivative" => SummaryFunction.Derivative,
        "stddev" => SummaryFunction.Stddev,
        "all" => SummaryFunction.All,
        _ => null,
    };

    /// <summary>
    /// The function a read uses when it names none: the metric's <c>summarize_function</c> attribute
    /// (<c>average</c> is the mean), or the mean when that is unset or unknown.
    /// </summary>
    public static SummaryFunction Default(IReadOnlyList<KeyValuePair<string, JsonElement>> attributes)
    {
        foreach (var attribute in attributes)
        {
            if (attribute.Key == "summarize_function" && attribute.Value.ValueKind == JsonValueKind.String)
            {
                return attribute.Value.GetString() switch
                {
                    "sum" => SummaryFunction.Sum,
                    "count" => SummaryFunction.Count,
                    "min" => SummaryFunction.Min,
                    "max" => SummaryFunction.Max,
                    _ => SummaryFunction.Mean,
                };
            }
        }

        return SummaryFunction.Mean;
    }

    /// <summary>
    /// The value of a rolled-up point under a function. <paramref name="previous"/> is the point before it (the
    /// previous bucket, or the last point before the window), which only the derivative needs; without one the
    /// derivative has no value.
    /// </summary>
    public static double? Value(SummaryFunction function, in Point point, in Point? previous) => function switch
    {
        SummaryFunction.Sum => point.Sum,
        SummaryFunction.Min => point.Min,
        SummaryFunction.Max => point.Max,
        SummaryFunction.Count => point.Count,
        SummaryFunction.Stddev => Math.Sqrt(Math.Max(0, (point.SumSquares / point.Count) - (point.Value * point.Value))),
        SummaryFunction.Derivative => previous is { } before ? point.Last - before.Last : null,
        _ => point.Value,
    };
}
