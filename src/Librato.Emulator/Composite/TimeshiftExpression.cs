using System.Collections.Generic;

namespace Librato.Emulator.Composite;

/// <summary>
/// <c>timeshift("0,1w", set)</c>: evaluates the set once per shift over the window moved by that shift, then moves
/// the points back into the requested window so the shifted series line up with the current one. Shifts are listed
/// in seconds, positive meaning back in time; the result holds the series of each shift in the order given.
/// </summary>
internal sealed class TimeshiftExpression : SetExpression
{
    private readonly IReadOnlyList<long> shifts;
    private readonly SetExpression input;

    public TimeshiftExpression(IReadOnlyList<long> shifts, SetExpression input)
    {
        this.shifts = shifts;
        this.input = input;
    }

    public override List<ResultSeries> Evaluate(EvaluationContext context)
    {
        var result = new List<ResultSeries>();
        foreach (long shift in shifts)
        {
            foreach (var series in input.Evaluate(context.Moved(-shift)))
            {
                var samples = new Sample[series.Samples.Length];
                for (int i = 0; i < samples.Length; i++)
                {
                    samples[i] = series.Samples[i] with { Time = series.Samples[i].Time + shift };
                }

                result.Add(series.With(samples));
            }
        }

        return result;
    }
}
