using System;
using System.Collections.Generic;

namespace Librato.Emulator.Composite;

/// <summary>
/// <c>sum</c>, <c>mean</c>, <c>min</c>, <c>max</c> and <c>multiply</c>: one series whose value at each time combines
/// the values the input series have at that time. Sum, mean, min and max use the series that have a point there;
/// a product is only given where every series has one, since leaving a factor out would change its meaning.
/// An empty set gives an empty set.
/// </summary>
internal sealed class AggregateExpression : SetExpression
{
    private readonly SetExpression input;
    private readonly AggregateKind kind;

    public AggregateExpression(SetExpression input, AggregateKind kind)
    {
        this.input = input;
        this.kind = kind;
    }

    public override List<ResultSeries> Evaluate(EvaluationContext context)
    {
        var inputs = input.Evaluate(context);
        if (inputs.Count == 0)
        {
            return inputs;
        }

        var byTime = new SortedDictionary<long, (double Total, int Count)>();
        foreach (var series in inputs)
        {
            foreach (var sample in series.Samples)
            {
                byTime[sample.Time] = byTime.TryGetValue(sample.Time, out var seen)
                    ? (Fold(seen.Total, sample.Value), seen.Count + 1)
                    : (sample.Value, 1);
            }
        }

        var samples = new List<Sample>(byTime.Count);
        foreach (var entry in byTime)
        {
            if (kind == AggregateKind.Product && entry.Value.Count != inputs.Count)
            {
                continue;
            }

            double value = kind == AggregateKind.Mean ? entry.Value.Total / entry.Value.Count : entry.Value.Total;
            samples.Add(new Sample(entry.Key, value));
        }

        return new List<ResultSeries> { ResultSeries.Combine(inputs, samples.ToArray()) };
    }

    private double Fold(double accumulated, double value) => kind switch
    {
        AggregateKind.Min => Math.Min(accumulated, value),
        AggregateKind.Max => Math.Max(accumulated, value),
        AggregateKind.Product => accumulated * value,
        _ => accumulated + value,
    };
}
