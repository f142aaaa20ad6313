using System.Linq;
using Librato.Emulator.Composite;
using Xunit;

namespace Librato.Emulator.Tests.Composite;

public sealed class CompositeParserTests
{
    [Fact]
    public void ParsesNestedCallsWithStringArguments()
    {
        var sum = Assert.IsType<CallSyntax>(CompositeParser.Parse("sum(s(\"cpu\", \"web-*\"))"));

        Assert.Equal("sum", sum.Name);
        var s = Assert.IsType<CallSyntax>(Assert.Single(sum.Arguments));
        Assert.Equal("s", s.Name);
        Assert.Equal(5, s.Position);
        Assert.Equal(new[] { "cpu", "web-*" }, s.Arguments.Cast<LiteralSyntax>().Select(a => a.Text));
        Assert.All(s.Arguments.Cast<LiteralSyntax>(), a => Assert.Equal(LiteralKind.String, a.Kind));
    }

    [Fact]
    public void MapsTakeQuotedOrBareKeysAndStringNumberOrBooleanValues()
    {
        var s = Assert.IsType<CallSyntax>(CompositeParser.Parse("s('cpu', {\"env\":'prod'}, {function:'sum', period:60, 'x':true, y:\"-1.5e3\"})"));

        var tags = Assert.IsType<MapSyntax>(s.Arguments[1]);
        Assert.Equal("env", tags.Entries.Single().Key);
        Assert.Equal("prod", tags.Entries.Single().Value.Text);
        var options = Assert.IsType<MapSyntax>(s.Arguments[2]);
        Assert.Equal(new[] { "function", "period", "x", "y" }, options.Entries.Select(e => e.Key));
        Assert.Equal(
            new[] { (LiteralKind.String, "sum"), (LiteralKind.Number, "60"), (LiteralKind.Boolean, "true"), (LiteralKind.String, "-1.5e3") },
            options.Entries.Select(e => (e.Value.Kind, e.Value.Text)));
    }

    [Fact]
    public void ParsesSetsNestedSetsAndEmptyMaps()
    {
        var set = Assert.IsType<SetSyntax>(CompositeParser.Parse("[s(\"a\",{}), [s(\"b\",\"*\")], []]"));

        Assert.Equal(3, set.Elements.Count);
        Assert.Empty(Assert.IsType<MapSyntax>(Assert.IsType<CallSyntax>(set.Elements[0]).Arguments[1]).Entries);
        Assert.IsType<CallSyntax>(Assert.Single(Assert.IsType<SetSyntax>(set.Elements[1]).Elements));
        Assert.Empty(Assert.IsType<SetSyntax>(set.Elements[2]).Elements);
    }

    [Fact]
    public void AllowsWhitespaceAndLineBreaksBetweenTokens()
    {
        var call = Assert.IsType<CallSyntax>(CompositeParser.Parse("  sum(\n\t s( \"a\" ,\r\n \"*\" )\n)  "));

        Assert.Equal("sum", call.Name);
    }

    [Theory]
    [InlineData("\"a\\\"b\"", "a\"b")]
    [InlineData("'it\\'s'", "it's")]
    [InlineData("'say \"hi\"'", "say \"hi\"")]
    [InlineData("\"back\\\\slash\\/\"", "back\\slash/")]
    public void DecodesStringEscapes(string literal, string expected)
    {
        var call = Assert.IsType<CallSyntax>(CompositeParser.Parse($"s({literal},\"*\")"));

        Assert.Equal(expected, Assert.IsType<LiteralSyntax>(call.Arguments[0]).Text);
    }

    [Theory]
    [InlineData("", "the composite definition is empty")]
    [InlineData("   ", "the composite definition is empty")]
    [InlineData("sum(", "syntax error: expected an argument (a function call, a set, a string, a number or an options map) but found the end of the definition at position 5")]
    [InlineData("sum(s(\"a\",\"*\")", "syntax error: expected ',' or ')' but found the end of the definition at position 15")]
    [InlineData("sum(s(\"a\",\"*\")))", "syntax error: expected the end of the definition but found ')' at position 16")]
    [InlineData("sum (s(\"a\",\"*\"))", "syntax error: no whitespace is allowed between the function name 'sum' and '(' at position 5")]
    [InlineData("s(\"a\" \"*\")", "syntax error: expected ',' or ')' but found the string \"*\" at position 7")]
    [InlineData("s(\"a,*)", "syntax error: unterminated string starting at position 3")]
    [InlineData("s(\"a,\"*\")", "syntax error: unexpected character '*' at position 7")]
    [InlineData("s(\"a\\q\",\"*\")", "syntax error: unknown escape '\\q' in a string at position 5")]
    [InlineData("s(\"a\",@)", "syntax error: unexpected character '@' at position 7")]
    [InlineData("s(\"a\",\"*\",{k \"v\"})", "syntax error: expected ':' after the key 'k' but found the string \"v\" at position 14")]
    [InlineData("s(\"a\",\"*\",{k: v})", "syntax error: expected a string, number, true or false as the value of 'k' but found 'v' at position 15")]
    [InlineData("s(\"a\",\"*\",{k:1, k:2})", "syntax error: the key 'k' is given twice at position 17")]
    [InlineData("s(\"a\",\"*\",{k:1,})", "syntax error: expected a key (a name or a quoted string) but found '}' at position 16")]
    [InlineData("{k:1}", "syntax error: expected a function call or a set '[' but found '{' at position 1")]
    [InlineData("\"cpu\"", "syntax error: expected a function call or a set '[' but found the string \"cpu\" at position 1")]
    [InlineData("sum", "syntax error: expected '(' after the function name 'sum' but found the end of the definition at position 4")]
    [InlineData("[s(\"a\",\"*\"),]", "syntax error: expected a function call or a set '[' but found ']' at position 13")]
    [InlineData("s(\"a\",-)", "syntax error: malformed number at position 7")]
    [InlineData("true(s(\"a\",\"*\"))", "syntax error: expected a function call or a set '[' but found 'true' at position 1")]
    public void ReportsSyntaxErrorsWithTheirPosition(string text, string message)
    {
        var exception = Assert.Throws<CompositeException>(() => CompositeParser.Parse(text));

        Assert.Equal(message, exception.Message);
    }
}
