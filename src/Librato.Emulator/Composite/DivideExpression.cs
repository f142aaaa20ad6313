using System.Collections.Generic;

namespace Librato.Emulator.Composite;

/// <summary>
/// <c>divide([dividend, divisor])</c>: the quotient at each time where both series have a point. A set that does
/// not hold exactly two series gives an empty set, as documented. Where the divisor is 0 the point is left out,
/// because JSON has no infinity.
/// </summary>
internal sealed class DivideExpression : SetExpression
{
    private readonly SetExpression input;

    public DivideExpression(SetExpression input)
    {
        this.input = input;
    }

    public override List<ResultSeries> Evaluate(EvaluationContext context)
    {
        var inputs = input.Evaluate(context);
        if (inputs.Count != 2)
        {
            return new List<ResultSeries>();
        }

        var divisors = new Dictionary<long, double>(inputs[1].Samples.Length);
        foreach (var sample in inputs[1].Samples)
        {
            divisors[sample.Time] = sample.Value;
        }

        var samples = new List<Sample>();
        foreach (var sample in inputs[0].Samples)
        {
            if (divisors.TryGetValue(sample.Time, out double divisor) && divisor != 0)
            {
                samples.Add(new Sample(sample.Time, sample.Value / divisor));
            }
        }

        return new List<ResultSeries> { ResultSeries.Combine(inputs, samples.ToArray()) };
    }
}
