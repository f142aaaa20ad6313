using System.Collections.Generic;
using Librato.Emulator.Reading;

namespace Librato.Emulator.Composite;

/// <summary>
/// <c>fill(set, {value})</c> and <c>zero_fill(set)</c>: every bucket of the window that a series has no point for
/// gets one with the fill value. Buckets are the series' period (the <c>period</c> option of <c>s()</c>, else the
/// resolution), from the bucket holding the window's start to the bucket holding its end.
/// </summary>
internal sealed class FillExpression : SetExpression
{
    /// <summary>Keeps a fill over a long window at a fine period from producing an unbounded response.</summary>
    public const long MaxBuckets = 100_000;

    private readonly SetExpression input;
    private readonly double value;
    private readonly string function;

    public FillExpression(SetExpression input, double value, string function)
    {
        this.input = input;
        this.value = value;
        this.function = function;
    }

    public override List<ResultSeries> Evaluate(EvaluationContext context)
    {
        var inputs = input.Evaluate(context);
        var result = new List<ResultSeries>(inputs.Count);
        foreach (var series in inputs)
        {
            long step = series.Period;
            long first = Rollup.FloorTo(context.Start, step);
            long last = Rollup.FloorTo(context.End, step);
            if ((last - first) / step + 1 > MaxBuckets)
            {
                throw new CompositeException(
                    $"{function} would fill more than {MaxBuckets} points per series; use a coarser resolution or period, or a shorter time range");
            }

            var existing = series.Samples;
            var samples = new List<Sample>((int)((last - first) / step) + 1 + existing.Length);
            int next = 0;
            for (long time = first; time <= last; time += step)
            {
                while (next < existing.Length && existing[next].Time < time)
                {
                    samples.Add(existing[next++]);
                }

                if (next < existing.Length && existing[next].Time == time)
                {
                    samples.Add(existing[next++]);
                }
                else
                {
                    samples.Add(new Sample(time, value));
                }
            }

            while (next < existing.Length)
            {
                samples.Add(existing[next++]);
            }

            result.Add(series.With(samples.ToArray()));
        }

        return result;
    }
}
