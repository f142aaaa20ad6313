using System.Collections.Generic;
using System.Text;

namespace Librato.Emulator.Composite;

/// <summary>
/// Splits a composite definition into tokens. Strings may use double or single quotes; numbers follow the JSON
/// number form; identifiers are function names, option keys and the literals <c>true</c> and <c>false</c>.
/// </summary>
internal static class CompositeLexer
{
    public static List<Token> Tokenize(string text)
    {
        var tokens = new List<Token>();
        int i = 0;
        while (true)
        {
            int whitespaceStart = i;
            while (i < text.Length && char.IsWhiteSpace(text[i]))
            {
                i++;
            }

            bool followsWhitespace = i > whitespaceStart;
            if (i >= text.Length)
            {
                tokens.Add(new Token(TokenKind.End, string.Empty, text.Length + 1, followsWhitespace));
                return tokens;
            }

            char c = text[i];
            int position = i + 1;
            TokenKind? punctuation = c switch
            {
                '(' => TokenKind.OpenParen,
                ')' => TokenKind.CloseParen,
                '[' => TokenKind.OpenBracket,
                ']' => TokenKind.CloseBracket,
                '{' => TokenKind.OpenBrace,
                '}' => TokenKind.CloseBrace,
                ',' => TokenKind.Comma,
                ':' => TokenKind.Colon,
                _ => null,
            };

            if (punctuation.HasValue)
            {
                tokens.Add(new Token(punctuation.Value, c.ToString(), position, followsWhitespace));
                i++;
            }
            else if (c == '"' || c == '\'')
            {
                tokens.Add(new Token(TokenKind.String, ReadString(text, ref i), position, followsWhitespace));
            }
            else if (c == '-' || c == '+' || char.IsAsciiDigit(c) || c == '.')
            {
                tokens.Add(new Token(TokenKind.Number, ReadNumber(text, ref i), position, followsWhitespace));
            }
            else if (char.IsAsciiLetter(c) || c == '_')
            {
                int start = i;
                while (i < text.Length && (char.IsAsciiLetterOrDigit(text[i]) || text[i] == '_'))
                {
                    i++;
                }

                tokens.Add(new Token(TokenKind.Identifier, text.Substring(start, i - start), position, followsWhitespace));
            }
            else
            {
                throw CompositeException.At(position, $"syntax error: unexpected character '{c}'");
            }
        }
    }

    private static string ReadString(string text, ref int i)
    {
        char quote = text[i];
        int start = i + 1;
        var builder = new StringBuilder();
        i++;
        while (i < text.Length && text[i] != quote)
        {
            if (text[i] == '\\')
            {
                if (i + 1 >= text.Length)
                {
                    break;
                }

                char escaped = text[i + 1];
                builder.Append(escaped switch
                {
                    '"' or '\'' or '\\' or '/' => escaped,
                    'n' => '\n',
                    't' => '\t',
                    _ => throw CompositeException.At(i + 1, $"syntax error: unknown escape '\\{escaped}' in a string"),
                });
                i += 2;
            }
            else
            {
                builder.Append(text[i]);
                i++;
            }
        }

        if (i >= text.Length)
        {
            throw CompositeException.At(start, "syntax error: unterminated string starting");
        }

        i++;
        return builder.ToString();
    }

    private static string ReadNumber(string text, ref int i)
    {
        int start = i;
        if (text[i] == '-' || text[i] == '+')
        {
            i++;
        }

        int digits = SkipDigits(text, ref i);
        if (i < text.Length && text[i] == '.')
        {
            i++;
            digits += SkipDigits(text, ref i);
        }

        if (digits > 0 && i < text.Length && (text[i] == 'e' || text[i] == 'E'))
        {
            i++;
            if (i < text.Length && (text[i] == '-' || text[i] == '+'))
            {
                i++;
            }

            if (SkipDigits(text, ref i) == 0)
            {
                digits = 0;
            }
        }

        if (digits == 0)
        {
            throw CompositeException.At(start + 1, "syntax error: malformed number");
        }

        return text.Substring(start, i - start);
    }

    private static int SkipDigits(string text, ref int i)
    {
        int start = i;
        while (i < text.Length && char.IsAsciiDigit(text[i]))
        {
            i++;
        }

        return i - start;
    }
}
