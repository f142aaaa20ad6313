namespace Librato.Emulator.Composite;

/// <summary>
/// One lexical token. <see cref="Position"/> is 1-based so messages match what a person counts in the definition;
/// <see cref="Text"/> is the decoded value for strings and the source text otherwise.
/// </summary>
internal readonly record struct Token(TokenKind Kind, string Text, int Position, bool FollowsWhitespace)
{
    public string Describe() => Kind switch
    {
        TokenKind.End => "the end of the definition",
        TokenKind.String => $"the string \"{Text}\"",
        TokenKind.Number => $"the number {Text}",
        _ => $"'{Text}'",
    };
}
