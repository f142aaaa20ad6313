using System;
using System.Collections.Generic;
using System.Text;
using Librato.Emulator.Storage;

namespace Librato.Emulator.Reading;

/// <summary>
/// A <c>tags_search</c> expression, such as <c>region=us-east* and db=*prod*</c>. The grammar:
/// <code>
/// expression := term (("and" | "or") term)*      "and" binds tighter than "or"
/// term       := "not" term | "(" expression ")" | "!" name | name "=" value | name "!=" value
/// value      := a word without spaces or parentheses, or a "double" or 'single' quoted string; '*' is a
///               wildcard and a leading '!' negates it
/// </code>
/// Keywords ignore case, as do names and values. <c>name=value</c> and <c>name!=value</c> both require the tag to
/// be present (as the <c>tags</c> filters do); <c>!name</c> matches series without it.
/// </summary>
internal sealed class TagSearch
{
    private readonly Node root;

    private TagSearch(Node root)
    {
        this.root = root;
    }

    public bool Matches(TagSet tags) => root.Matches(tags);

    /// <summary>Parses the expression; null with the reason in <paramref name="error"/> when it is not valid.</summary>
    public static TagSearch? Parse(string text, out string? error)
    {
        var parser = new Parser(text);
        try
        {
            var node = parser.ParseExpression();
            parser.ExpectEnd();
            error = null;
            return new TagSearch(node);
        }
        catch (FormatException exception)
        {
            error = exception.Message;
            return null;
        }
    }

    private abstract class Node
    {
        public abstract bool Matches(TagSet tags);
    }

    private sealed class And(Node left, Node right) : Node
    {
        public override bool Matches(TagSet tags) => left.Matches(tags) && right.Matches(tags);
    }

    private sealed class Or(Node left, Node right) : Node
    {
        public override bool Matches(TagSet tags) => left.Matches(tags) || right.Matches(tags);
    }

    private sealed class Not(Node inner) : Node
    {
        public override bool Matches(TagSet tags) => !inner.Matches(tags);
    }

    private sealed class Absent(string name) : Node
    {
        public override bool Matches(TagSet tags) => !tags.TryGetValue(name, out _);
    }

    private sealed class Compare(string name, WildcardPattern pattern, bool negated) : Node
    {
        public override bool Matches(TagSet tags) => tags.TryGetValue(name, out string value) && pattern.IsMatch(value) != negated;
    }

    private sealed class Parser
    {
        private readonly string text;
        private int position;

        public Parser(string text)
        {
            this.text = text;
        }

        public Node ParseExpression()
        {
            var left = ParseAnd();
            while (TryKeyword("or"))
            {
                left = new Or(left, ParseAnd());
            }

            return left;
        }

        public void ExpectEnd()
        {
            SkipSpaces();
            if (position < text.Length)
            {
                throw Error($"unexpected '{text[position]}' at position {position + 1}");
            }
        }

        private Node ParseAnd()
        {
            var left = ParseTerm();
            while (TryKeyword("and"))
            {
                left = new And(left, ParseTerm());
            }

            return left;
        }

        private Node ParseTerm()
        {
            SkipSpaces();
            if (position >= text.Length)
            {
                throw Error("unexpected end of expression");
            }

            if (TryKeyword("not"))
            {
                return new Not(ParseTerm());
            }

            char c = text[position];
            if (c == '(')
            {
                position++;
                var inner = ParseExpression();
                SkipSpaces();
                if (position >= text.Length || text[position] != ')')
                {
                    throw Error("missing ')'");
                }

                position++;
                return inner;
            }

            if (c == '!')
            {
                position++;
                return new Absent(ReadName());
            }

            string name = ReadName();
            SkipSpaces();
            bool negated = false;
            if (position + 1 < text.Length && text[position] == '!' && text[position + 1] == '=')
            {
                negated = true;
                position += 2;
            }
            else if (position < text.Length && text[position] == '=')
            {
                position++;
            }
            else
            {
                throw Error($"expected '=' or '!=' after '{name}'");
            }

            string value = ReadValue();
            if (value.StartsWith('!'))
            {
                negated = !negated;
                value = value.Substring(1);
            }

            if (value.Length == 0)
            {
                throw Error($"missing value for '{name}'");
            }

            return new Compare(name, new WildcardPattern(value), negated);
        }

        private string ReadName()
        {
            SkipSpaces();
            int start = position;
            while (position < text.Length && IsNameChar(text[position]))
            {
                position++;
            }

            if (position == start)
            {
                throw Error(position < text.Length ? $"expected a tag name at position {position + 1}" : "expected a tag name");
            }

            return text.Substring(start, position - start).ToLowerInvariant();
        }

        private string ReadValue()
        {
            SkipSpaces();
            if (position < text.Length && text[position] is '"' or '\'')
            {
                char quote = text[position++];
                var value = new StringBuilder();
                while (position < text.Length && text[position] != quote)
                {
                    value.Append(text[position++]);
                }

                if (position >= text.Length)
                {
                    throw Error("unterminated quoted value");
                }

                position++;
                return value.ToString();
            }

            int start = position;
            while (position < text.Length && !char.IsWhiteSpace(text[position]) && text[position] is not ('(' or ')'))
            {
                position++;
            }

            return text.Substring(start, position - start);
        }

        /// <summary>Consumes the keyword when it comes next as a whole word.</summary>
        private bool TryKeyword(string keyword)
        {
            SkipSpaces();
            int end = position + keyword.Length;
            if (end > text.Length || string.Compare(text, position, keyword, 0, keyword.Length, StringComparison.OrdinalIgnoreCase) != 0)
            {
                return false;
            }

            if (end < text.Length && IsNameChar(text[end]))
            {
                return false;
            }

            position = end;
            return true;
        }

        private void SkipSpaces()
        {
            while (position < text.Length && char.IsWhiteSpace(text[position]))
            {
                position++;
            }
        }

        private static bool IsNameChar(char c) =>
            (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c is '_' or '-' or '.' or ':';

        private static FormatException Error(string message) => new(message);
    }
}
