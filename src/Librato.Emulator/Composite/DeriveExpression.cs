using System.Collections.Generic;

namespace Librato.Emulator.Composite;

/// <summary>
/// <c>derive(set, {detect_reset})</c>: each point becomes its change from the previous point of the same series,
/// so the first point of every series is dropped. With <c>detect_reset</c> a drop is read as a counter reset and
/// the change is the new value itself.
/// </summary>
internal sealed class DeriveExpression : SetExpression
{
    private readonly SetExpression input;
    private readonly bool detectReset;

    public DeriveExpression(SetExpression input, bool detectReset)
    {
        this.input = input;
        this.detectReset = detectReset;
    }

    public override List<ResultSeries> Evaluate(EvaluationContext context)
    {
        var inputs = input.Evaluate(context);
        var result = new List<ResultSeries>(inputs.Count);
        foreach (var series in inputs)
        {
            var points = series.Samples;
            var samples = new Sample[points.Length <= 1 ? 0 : points.Length - 1];
            for (int i = 1; i < points.Length; i++)
            {
                double current = points[i].Value;
                double previous = points[i - 1].Value;
                samples[i - 1] = new Sample(points[i].Time, detectReset && current < previous ? current : current - previous);
            }

            result.Add(series.With(samples));
        }

        return result;
    }
}
