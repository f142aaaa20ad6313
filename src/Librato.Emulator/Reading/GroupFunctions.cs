using System;
using System.Collections.Generic;

namespace Librato.Emulator.Reading;

internal static class GroupFunctions
{
    public static GroupFunction? Parse(string? text) => text switch
    {
        "sum" => GroupFunction.Sum,
        "min" => GroupFunction.Min,
        "max" => GroupFunction.Max,
        "mean" => GroupFunction.Mean,
        "count" => GroupFunction.Count,
        _ => null,
    };

    /// <summary>Applies the function to the values of one statistic across several series.</summary>
    public static double Apply(GroupFunction function, IReadOnlyList<double> values)
    {
        switch (function)
        {
            case GroupFunction.Count:
                return values.Count;
            case GroupFunction.Min:
            case GroupFunction.Max:
                double best = values[0];
                for (int i = 1; i < values.Count; i++)
                {
                    best = function == GroupFunction.Min ? Math.Min(best, values[i]) : Math.Max(best, values[i]);
                }

                return best;
            default:
                double sum = 0;
                for (int i = 0; i < values.Count; i++)
                {
                    sum += values[i];
                }

                return function == GroupFunction.Mean ? sum / values.Count : sum;
        }
    }
}
