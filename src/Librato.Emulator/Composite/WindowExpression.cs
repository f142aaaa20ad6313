using System;
using System.Collections.Generic;

namespace Librato.Emulator.Composite;

/// <summary>
/// <c>window(set, {size, function})</c> and <c>moving_average</c>: each point becomes the function of itself and
/// the <c>size - 1</c> points before it in its series. The first <c>size - 1</c> points, which lack that history,
/// are dropped.
/// </summary>
internal sealed class WindowExpression : SetExpression
{
    public const int MaxSize = 64;

    private readonly SetExpression input;
    private readonly int size;
    private readonly WindowFunction function;

    public WindowExpression(SetExpression input, int size, WindowFunction function)
    {
        this.input = input;
        this.size = size;
        this.function = function;
    }

    public override List<ResultSeries> Evaluate(EvaluationContext context)
    {
        var inputs = input.Evaluate(context);
        var result = new List<ResultSeries>(inputs.Count);
        var window = new double[size];
        foreach (var series in inputs)
        {
            var points = series.Samples;
            var samples = new Sample[Math.Max(0, points.Length - size + 1)];
            for (int i = size - 1; i < points.Length; i++)
            {
                for (int j = 0; j < size; j++)
                {
                    window[j] = points[i - size + 1 + j].Value;
                }

                samples[i - size + 1] = new Sample(points[i].Time, Apply(window));
            }

            result.Add(series.With(samples));
        }

        return result;
    }

    private double Apply(double[] values)
    {
        switch (function)
        {
            case WindowFunction.Min:
                return Min(values);
            case WindowFunction.Max:
                return Max(values);
            case WindowFunction.Sum:
                return Sum(values);
            case WindowFunction.Median:
                var sorted = (double[])values.Clone();
                Array.Sort(sorted);
                int middle = sorted.Length / 2;
                // An even window has two middle values; their mean is the median.
                return sorted.Length % 2 == 1 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
            default:
                return Sum(values) / values.Length;
        }
    }

    private static double Sum(double[] values)
    {
        double total = 0;
        foreach (double value in values)
        {
            total += value;
        }

        return total;
    }

    private static double Min(double[] values)
    {
        double min = values[0];
        foreach (double value in values)
        {
            min = Math.Min(min, value);
        }

        return min;
    }

    private static double Max(double[] values)
    {
        double max = values[0];
        foreach (double value in values)
        {
            max = Math.Max(max, value);
        }

        return max;
    }
}
