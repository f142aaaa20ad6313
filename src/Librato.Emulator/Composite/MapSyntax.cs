using System.Collections.Generic;

namespace Librato.Emulator.Composite;

/// <summary><c>{key: value, ...}</c>: an options map or a tag filter. Keys are unique; values are literals.</summary>
internal sealed class MapSyntax : SyntaxNode
{
    public MapSyntax(int position, IReadOnlyList<KeyValuePair<string, LiteralSyntax>> entries)
        : base(position)
    {
        Entries = entries;
    }

    public IReadOnlyList<KeyValuePair<string, LiteralSyntax>> Entries { get; }
}
