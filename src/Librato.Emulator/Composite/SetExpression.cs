using System.Collections.Generic;

namespace Librato.Emulator.Composite;

/// <summary>A compiled part of a composite definition: something that evaluates to a set of series.</summary>
internal abstract class SetExpression
{
    public abstract List<ResultSeries> Evaluate(EvaluationContext context);
}
