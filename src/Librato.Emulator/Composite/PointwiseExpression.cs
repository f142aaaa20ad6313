using System;
using System.Collections.Generic;

namespace Librato.Emulator.Composite;

/// <summary><c>abs</c> and <c>scale</c>: every series keeps its points, each value mapped on its own.</summary>
internal sealed class PointwiseExpression : SetExpression
{
    private readonly SetExpression input;
    private readonly Func<double, double> map;

    public PointwiseExpression(SetExpression input, Func<double, double> map)
    {
        this.input = input;
        this.map = map;
    }

    public override List<ResultSeries> Evaluate(EvaluationContext context)
    {
        var inputs = input.Evaluate(context);
        var result = new List<ResultSeries>(inputs.Count);
        foreach (var series in inputs)
        {
            var samples = new Sample[series.Samples.Length];
            for (int i = 0; i < samples.Length; i++)
            {
                samples[i] = series.Samples[i] with { Value = map(series.Samples[i].Value) };
            }

            result.Add(series.With(samples));
        }

        return result;
    }
}
