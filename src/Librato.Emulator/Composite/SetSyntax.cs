using System.Collections.Generic;

namespace Librato.Emulator.Composite;

/// <summary><c>[element, ...]</c>: a set of series written out.</summary>
internal sealed class SetSyntax : SyntaxNode
{
    public SetSyntax(int position, IReadOnlyList<SyntaxNode> elements)
        : base(position)
    {
        Elements = elements;
    }

    public IReadOnlyList<SyntaxNode> Elements { get; }
}
