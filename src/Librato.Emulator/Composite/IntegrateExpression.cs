using System.Collections.Generic;

namespace Librato.Emulator.Composite;

/// <summary><c>integrate(set)</c>: each point becomes the running total of its series up to and including it.</summary>
internal sealed class IntegrateExpression : SetExpression
{
    private readonly SetExpression input;

    public IntegrateExpression(SetExpression input)
    {
        this.input = input;
    }

    public override List<ResultSeries> Evaluate(EvaluationContext context)
    {
        var inputs = input.Evaluate(context);
        var result = new List<ResultSeries>(inputs.Count);
        foreach (var series in inputs)
        {
            var samples = new Sample[series.Samples.Length];
            double total = 0;
            for (int i = 0; i < samples.Length; i++)
            {
                total += series.Samples[i].Value;
                samples[i] = series.Samples[i] with { Value = total };
            }

            result.Add(series.With(samples));
        }

        return result;
    }
}
