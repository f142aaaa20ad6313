using System;
using System.Collections.Generic;

namespace Librato.Emulator.Composite;

/// <summary>
/// Parses a composite definition into a syntax tree. The grammar:
/// <code>
/// expression := call | set
/// call       := identifier '(' [argument (',' argument)*] ')'    (no whitespace before '(')
/// set        := '[' [expression (',' expression)*] ']'
/// argument   := expression | map | literal
/// map        := '{' [key ':' literal (',' key ':' literal)*] '}'  (key: identifier or string)
/// literal    := string | number | true | false
/// </code>
/// </summary>
internal sealed class CompositeParser
{
    private readonly List<Token> tokens;
    private int index;

    private CompositeParser(List<Token> tokens)
    {
        this.tokens = tokens;
    }

    private Token Current => tokens[index];

    public static SyntaxNode Parse(string text)
    {
        var parser = new CompositeParser(CompositeLexer.Tokenize(text));
        if (parser.Current.Kind == TokenKind.End)
        {
            throw new CompositeException("the composite definition is empty");
        }

        var expression = parser.ParseExpression();
        if (parser.Current.Kind != TokenKind.End)
        {
            throw parser.Unexpected("the end of the definition");
        }

        return expression;
    }

    private SyntaxNode ParseExpression()
    {
        var token = Current;
        switch (token.Kind)
        {
            case TokenKind.Identifier when !IsBooleanLiteral(token.Text):
                return ParseCall();
            case TokenKind.OpenBracket:
                return ParseSet();
            default:
                throw Unexpected("a function call or a set '['");
        }
    }

    private CallSyntax ParseCall()
    {
        var name = Advance();
        if (Current.Kind != TokenKind.OpenParen)
        {
            throw Unexpected($"'(' after the function name '{name.Text}'");
        }

        if (Current.FollowsWhitespace)
        {
            throw CompositeException.At(Current.Position, $"syntax error: no whitespace is allowed between the function name '{name.Text}' and '('");
        }

        Advance();
        var arguments = new List<SyntaxNode>();
        if (Current.Kind != TokenKind.CloseParen)
        {
            while (true)
            {
                arguments.Add(ParseArgument());
                if (Current.Kind == TokenKind.Comma)
                {
                    Advance();
                    continue;
                }

                if (Current.Kind != TokenKind.CloseParen)
                {
                    throw Unexpected("',' or ')'");
                }

                break;
            }
        }

        Advance();
        return new CallSyntax(name.Position, name.Text, arguments);
    }

    private SetSyntax ParseSet()
    {
        var open = Advance();
        var elements = new List<SyntaxNode>();
        if (Current.Kind != TokenKind.CloseBracket)
        {
            while (true)
            {
                elements.Add(ParseExpression());
                if (Current.Kind == TokenKind.Comma)
                {
                    Advance();
                    continue;
                }

                if (Current.Kind != TokenKind.CloseBracket)
                {
                    throw Unexpected("',' or ']'");
                }

                break;
            }
        }

        Advance();
        return new SetSyntax(open.Position, elements);
    }

    private SyntaxNode ParseArgument()
    {
        var token = Current;
        switch (token.Kind)
        {
            case TokenKind.OpenBrace:
                return ParseMap();
            case TokenKind.String:
            case TokenKind.Number:
                return ParseLiteral();
            case TokenKind.Identifier when IsBooleanLiteral(token.Text):
                return ParseLiteral();
            case TokenKind.Identifier:
            case TokenKind.OpenBracket:
                return ParseExpression();
            default:
                throw Unexpected("an argument (a function call, a set, a string, a number or an options map)");
        }
    }

    private MapSyntax ParseMap()
    {
        var open = Advance();
        var entries = new List<KeyValuePair<string, LiteralSyntax>>();
        if (Current.Kind != TokenKind.CloseBrace)
        {
            while (true)
            {
                var key = Current;
                if (key.Kind != TokenKind.Identifier && key.Kind != TokenKind.String)
                {
                    throw Unexpected("a key (a name or a quoted string)");
                }

                Advance();
                if (Current.Kind != TokenKind.Colon)
                {
                    throw Unexpected($"':' after the key '{key.Text}'");
                }

                Advance();
                var value = Current;
                if (value.Kind != TokenKind.String && value.Kind != TokenKind.Number &&
                    !(value.Kind == TokenKind.Identifier && IsBooleanLiteral(value.Text)))
                {
                    throw Unexpected($"a string, number, true or false as the value of '{key.Text}'");
                }

                foreach (var entry in entries)
                {
                    if (string.Equals(entry.Key, key.Text, StringComparison.Ordinal))
                    {
                        throw CompositeException.At(key.Position, $"syntax error: the key '{key.Text}' is given twice");
                    }
                }

                entries.Add(new KeyValuePair<string, LiteralSyntax>(key.Text, ParseLiteral()));
                if (Current.Kind == TokenKind.Comma)
                {
                    Advance();
                    continue;
                }

                if (Current.Kind != TokenKind.CloseBrace)
                {
                    throw Unexpected("',' or '}'");
                }

                break;
            }
        }

        Advance();
        return new MapSyntax(open.Position, entries);
    }

    private LiteralSyntax ParseLiteral()
    {
        var token = Advance();
        var kind = token.Kind switch
        {
            TokenKind.String => LiteralKind.String,
            TokenKind.Number => LiteralKind.Number,
            _ => LiteralKind.Boolean,
        };

        return new LiteralSyntax(token.Position, kind, token.Text);
    }

    private Token Advance()
    {
        var token = tokens[index];
        if (token.Kind != TokenKind.End)
        {
            index++;
        }

        return token;
    }

    private CompositeException Unexpected(string expected) =>
        CompositeException.At(Current.Position, $"syntax error: expected {expected} but found {Current.Describe()}");

    private static bool IsBooleanLiteral(string text) => text is "true" or "false";
}
