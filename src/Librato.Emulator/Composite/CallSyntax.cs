using System.Collections.Generic;

namespace Librato.Emulator.Composite;

/// <summary><c>name(arg, ...)</c></summary>
internal sealed class CallSyntax : SyntaxNode
{
    public CallSyntax(int position, string name, IReadOnlyList<SyntaxNode> arguments)
        : base(position)
    {
        Name = name;
        Arguments = arguments;
    }

    public string Name { get; }

    public IReadOnlyList<SyntaxNode> Arguments { get; }
}
