namespace Librato.Emulator.Composite;

/// <summary>A string, number or boolean. <see cref="Text"/> is the decoded string or the literal as written.</summary>
internal sealed class LiteralSyntax : SyntaxNode
{
    public LiteralSyntax(int position, LiteralKind kind, string text)
        : base(position)
    {
        Kind = kind;
        Text = text;
    }

    public LiteralKind Kind { get; }

    public string Text { get; }
}
