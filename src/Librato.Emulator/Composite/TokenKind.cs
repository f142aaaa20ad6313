namespace Librato.Emulator.Composite;

internal enum TokenKind
{
    Identifier,
    String,
    Number,
    OpenParen,
    CloseParen,
    OpenBracket,
    CloseBracket,
    OpenBrace,
    CloseBrace,
    Comma,
    Colon,
    End,
}
