namespace Librato.Emulator.Composite;

/// <summary>A node of a parsed composite definition; <see cref="Position"/> is 1-based, for messages.</summary>
internal abstract class SyntaxNode
{
    protected SyntaxNode(int position)
    {
        Position = position;
    }

    public int Position { get; }
}
