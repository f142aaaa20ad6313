using System.Collections.Generic;
using Librato.Emulator.Storage;

namespace Librato.Emulator.Composite;

/// <summary>A parsed and checked composite definition, ready to evaluate against an account's data.</summary>
internal sealed class CompositeDefinition
{
    private readonly SetExpression root;

    private CompositeDefinition(string text, SetExpression root)
    {
        Text = text;
        this.root = root;
    }

    public string Text { get; }

    /// <exception cref="CompositeException">The definition has a syntax error or an unsupported function or option.</exception>
    public static CompositeDefinition Compile(string text) => new(text, CompositeCompiler.Compile(CompositeParser.Parse(text)));

    /// <summary>Null when the definition compiles, otherwise what is wrong with it.</summary>
    public static string? Problem(string text)
    {
        try
        {
            Compile(text);
            return null;
        }
        catch (CompositeException exception)
        {
            return exception.Message;
        }
    }

    /// <exception cref="CompositeException">The definition names a composite metric, or a fill would be too large.</exception>
    public List<ResultSeries> Evaluate(AccountStore account, long start, long end, long resolution) =>
        root.Evaluate(new EvaluationContext(account, start, end, resolution));
}
