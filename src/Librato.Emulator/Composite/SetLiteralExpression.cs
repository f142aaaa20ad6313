using System.Collections.Generic;

namespace Librato.Emulator.Composite;

/// <summary><c>[a, b, ...]</c>: the series of every element, in order; nested sets are flattened.</summary>
internal sealed class SetLiteralExpression : SetExpression
{
    private readonly IReadOnlyList<SetExpression> elements;

    public SetLiteralExpression(IReadOnlyList<SetExpression> elements)
    {
        this.elements = elements;
    }

    public override List<ResultSeries> Evaluate(EvaluationContext context)
    {
        var result = new List<ResultSeries>();
        foreach (var element in elements)
        {
            result.AddRange(element.Evaluate(context));
        }

        return result;
    }
}
