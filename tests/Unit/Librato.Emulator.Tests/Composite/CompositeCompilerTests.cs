using Librato.Emulator.Composite;
using Xunit;

namespace Librato.Emulator.Tests.Composite;

public sealed class CompositeCompilerTests
{
    private const string Set = "s(\"cpu\",\"*\")";

    [Theory]
    [InlineData("s(\"cpu\",\"*\")")]
    [InlineData("series(\"cpu\",\"web-*\",{function:\"sum\",period:\"3600\"})")]
    [InlineData("s(\"cpu\",{\"env\":\"prod\",\"region\":\"us-*\"},{function:'max',period:60})")]
    [InlineData("sum([s(\"a\",\"*\"), [s(\"b\",\"*\")]])")]
    [InlineData("mean(s(\"a\",\"*\"))")]
    [InlineData("min(s(\"a\",\"*\"))")]
    [InlineData("max(s(\"a\",\"*\"))")]
    [InlineData("multiply(s(\"a\",\"*\"))")]
    [InlineData("divide([s(\"a\",\"*\"),s(\"b\",\"*\")])")]
    [InlineData("abs(s(\"a\",\"*\"))")]
    [InlineData("integrate(s(\"a\",\"*\"))")]
    [InlineData("scale(s(\"a\",\"*\"),{factor:\"1/1024\"})")]
    [InlineData("scale(s(\"a\",\"*\"),{factor:-0.5})")]
    [InlineData("derive(s(\"a\",\"*\"))")]
    [InlineData("derive(s(\"a\",\"*\"),{detect_reset:\"true\"})")]
    [InlineData("derive(s(\"a\",\"*\"),{detect_reset:false})")]
    [InlineData("window(s(\"a\",\"*\"),{size:\"64\",function:\"median\"})")]
    [InlineData("moving_average(s(\"a\",\"*\"),{size:5})")]
    [InlineData("zero_fill(s(\"a\",\"*\",{period:\"300\"}))")]
    [InlineData("fill(s(\"a\",\"*\"),{value:\"-1\"})")]
    [InlineData("timeshift(\"0,1,2,3w\",mean(s(\"a\",\"%a\")))")]
    [InlineData("timeshift(\"+1d\",s(\"a\",\"*\"))")]
    [InlineData("timeshift(\"0\",s(\"a\",\"*\"))")]
    public void AcceptsSupportedDefinitions(string text)
    {
        Assert.Null(CompositeDefinition.Problem(text));
    }

    [Fact]
    public void UnknownFunctionsListTheSupportedOnes()
    {
        Assert.Equal(
            "unknown or unsupported function 'group_by' at position 1; supported functions: abs, derive, divide, fill, integrate, " +
            "max, mean, min, moving_average, multiply, s, scale, series, sum, timeshift, window, zero_fill",
            CompositeDefinition.Problem("group_by(\"region\", sum(s(\"a\",\"*\")))"));
    }

    [Theory]
    [InlineData("sum()", "sum() at position 1 takes 1 argument but was given 0; usage: sum(set)")]
    [InlineData("sum(s(\"a\",\"*\"),s(\"b\",\"*\"))", "sum() at position 1 takes 1 argument but was given 2; usage: sum(set)")]
    [InlineData("s(\"cpu\")", "s() at position 1 takes 2 to 3 arguments but was given 1; usage: s(metric, source or {tag: pattern}, {function, period})")]
    [InlineData("timeshift(s(\"a\",\"*\"))", "timeshift() at position 1 takes 2 arguments but was given 1; usage: timeshift(shifts, set)")]
    [InlineData("s(cpu(), \"*\")", "argument 1 of s() must be a metric name or pattern in quotes at position 3")]
    [InlineData("s(\"\", \"*\")", "argument 1 of s() must be a metric name or pattern in quotes at position 3")]
    [InlineData("s(\"cpu\", \"%\")", "argument 2 of s() is the dynamic source '%', which dashboards fill in; the API cannot evaluate it at position 10")]
    [InlineData("s(\"cpu\", \"\")", "argument 2 of s() must be a source pattern in quotes (\"*\" for every source) or a tag filter {\"tag\":\"pattern\"} at position 10")]
    [InlineData("s(\"cpu\", {env:true})", "the tag filter of s() needs a tag name and a value pattern for every entry at position 15")]
    [InlineData("s(\"cpu\", \"*\", \"sum\")", "argument 3 of s() must be an options map {...} at position 15")]
    [InlineData("s(\"cpu\", \"*\", {function:\"derivative\"})", "the function option of s() must be one of mean, sum, min, max, count at position 25")]
    [InlineData("s(\"cpu\", \"*\", {function:1})", "the function option of s() must be a string at position 25")]
    [InlineData("s(\"cpu\", \"*\", {period:\"0\"})", "the period option of s() must be a whole number from 1 to 604800 at position 23")]
    [InlineData("s(\"cpu\", \"*\", {period:\"1.5\"})", "the period option of s() must be a whole number from 1 to 604800 at position 23")]
    [InlineData("s(\"cpu\", \"*\", {period:\"soon\"})", "the period option of s() must be a number at position 23")]
    [InlineData("s(\"cpu\", \"*\", {source:\"x\"})", "s() has no option 'source' (known options: function, period) at position 23")]
    [InlineData("moving_average(s(\"a\",\"*\"),{window:\"5\"})", "moving_average() has no option 'window' (known options: size) at position 35")]
    [InlineData("sum(\"cpu\")", "the argument of sum() must be a set of series (a function call or [...]) at position 5")]
    [InlineData("sum([\"cpu\"])", "syntax error: expected a function call or a set '[' but found the string \"cpu\" at position 6")]
    [InlineData("scale(s(\"a\",\"*\"),{})", "scale() needs a factor option, such as {factor:\"2\"} or {factor:\"1/1024\"} at position 18")]
    [InlineData("scale(s(\"a\",\"*\"),{factor:\"big\"})", "the factor option of scale() must be a number at position 26")]
    [InlineData("scale(s(\"a\",\"*\"),{factor:\"1/0\"})", "the factor option of scale() divides by zero: \"1/0\"")]
    [InlineData("scale(s(\"a\",\"*\"))", "scale() at position 1 takes 2 arguments but was given 1; usage: scale(set, {factor})")]
    [InlineData("derive(s(\"a\",\"*\"),{detect_reset:\"yes\"})", "the detect_reset option of derive() must be true or false at position 33")]
    [InlineData("derive(s(\"a\",\"*\"),\"x\")", "argument 2 of derive() must be an options map {...} at position 19")]
    [InlineData("window(s(\"a\",\"*\"),{size:65})", "the size option of window() must be a whole number from 1 to 64 at position 25")]
    [InlineData("window(s(\"a\",\"*\"),{size:0})", "the size option of window() must be a whole number from 1 to 64 at position 25")]
    [InlineData("window(s(\"a\",\"*\"),{function:\"p99\"})", "the function option of window() must be one of mean, sum, min, max, median at position 29")]
    [InlineData("fill(s(\"a\",\"*\"),{})", "fill() needs a value option, such as {value:\"0\"} at position 17")]
    [InlineData("zero_fill(s(\"a\",\"*\"),{value:1})", "zero_fill() at position 1 takes 1 argument but was given 2; usage: zero_fill(set)")]
    [InlineData("timeshift(1, s(\"a\",\"*\"))", "argument 1 of timeshift() must be the shifts in quotes, such as \"1h\" or \"0,1,2w\" at position 11")]
    [InlineData("timeshift(\"1\", s(\"a\",\"*\"))", "the shifts of timeshift() need a unit: \"<number>[,<number>...]<unit>\" with the unit one of s, m, h, d, w, such as \"1h\" or \"0,1,2w\" at position 11")]
    [InlineData("timeshift(\"1y\", s(\"a\",\"*\"))", "the shifts of timeshift() must look like \"<number>[,<number>...]<unit>\" with the unit one of s, m, h, d, w, such as \"1h\" or \"0,1,2w\" at position 11")]
    [InlineData("timeshift(\"1.5h\", s(\"a\",\"*\"))", "the shifts of timeshift() must look like \"<number>[,<number>...]<unit>\" with the unit one of s, m, h, d, w, such as \"1h\" or \"0,1,2w\" at position 11")]
    [InlineData("timeshift(\"\", s(\"a\",\"*\"))", "the shifts of timeshift() must look like \"<number>[,<number>...]<unit>\" with the unit one of s, m, h, d, w, such as \"1h\" or \"0,1,2w\" at position 11")]
    [InlineData("timeshift(\"1,,2h\", s(\"a\",\"*\"))", "the shifts of timeshift() must look like \"<number>[,<number>...]<unit>\" with the unit one of s, m, h, d, w, such as \"1h\" or \"0,1,2w\" at position 11")]
    [InlineData("timeshift(\"+-1h\", s(\"a\",\"*\"))", "the shifts of timeshift() must look like \"<number>[,<number>...]<unit>\" with the unit one of s, m, h, d, w, such as \"1h\" or \"0,1,2w\" at position 11")]
    [InlineData("timeshift(\"1h\", \"cpu\")", "the second argument of timeshift() must be a set of series (a function call or [...]) at position 17")]
    public void RejectsWhatItCannotEvaluateExactly(string text, string message)
    {
        Assert.Equal(message, CompositeDefinition.Problem(text));
    }

    [Fact]
    public void ChecksFunctionsNestedInsideSets()
    {
        Assert.StartsWith("unknown or unsupported function 'top'", CompositeDefinition.Problem($"sum([{Set}, top({Set})])"));
    }
}
