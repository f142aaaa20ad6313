using System;
using System.Collections.Generic;
using System.Globalization;

namespace Librato.Emulator.Composite;

/// <summary>
/// Turns a syntax tree into an evaluable expression, checking every function name, argument and option up front,
/// so a saved composite is rejected when it is created rather than when it is first read.
/// </summary>
internal static class CompositeCompiler
{
    public const long MaxPeriod = 604800;

    private static readonly string[] SeriesStatistics = { "mean", "sum", "min", "max", "count" };
    private static readonly string[] WindowFunctions = { "mean", "sum", "min", "max", "median" };

    public static SetExpression Compile(SyntaxNode node) => CompileSet(node, "the composite definition");

    private static SetExpression CompileSet(SyntaxNode node, string role)
    {
        switch (node)
        {
            case CallSyntax call:
                return CompileCall(call);
            case SetSyntax set:
                var elements = new List<SetExpression>(set.Elements.Count);
                foreach (var element in set.Elements)
                {
                    elements.Add(CompileSet(element, "an element of a set"));
                }

                return new SetLiteralExpression(elements);
            default:
                throw CompositeException.At(node.Position, $"{role} must be a set of series (a function call or [...])");
        }
    }

    private static SetExpression CompileCall(CallSyntax call)
    {
        switch (call.Name)
        {
            case "s":
            case "series":
                return CompileSeries(call);
            case "sum":
                return new AggregateExpression(SingleSet(call), AggregateKind.Sum);
            case "mean":
                return new AggregateExpression(SingleSet(call), AggregateKind.Mean);
            case "min":
                return new AggregateExpression(SingleSet(call), AggregateKind.Min);
            case "max":
                return new AggregateExpression(SingleSet(call), AggregateKind.Max);
            case "multiply":
                return new AggregateExpression(SingleSet(call), AggregateKind.Product);
            case "divide":
                return new DivideExpression(SingleSet(call));
            case "abs":
                return new PointwiseExpression(SingleSet(call), Math.Abs);
            case "integrate":
                return new IntegrateExpression(SingleSet(call));
            case "zero_fill":
                return new FillExpression(SingleSet(call), 0, call.Name);
            case "scale":
                return CompileScale(call);
            case "derive":
                return CompileDerive(call);
            case "window":
            case "moving_average":
                return CompileWindow(call);
            case "fill":
                return CompileFill(call);
            case "timeshift":
                return CompileTimeshift(call);
            default:
                throw new CompositeException(
                    $"unknown or unsupported function '{call.Name}' at position {call.Position}; supported functions: {CompositeFunctions.Names}");
        }
    }

    private static SetExpression CompileSeries(CallSyntax call)
    {
        RequireArguments(call, 2, 3);
        if (call.Arguments[0] is not LiteralSyntax { Kind: LiteralKind.String } metric || metric.Text.Length == 0)
        {
            throw Argument(call, 0, "must be a metric name or pattern in quotes");
        }

        SeriesQuery query;
        switch (call.Arguments[1])
        {
            case LiteralSyntax { Kind: LiteralKind.String, Text: "%" }:
                throw Argument(call, 1, "is the dynamic source '%', which dashboards fill in; the API cannot evaluate it");
            case LiteralSyntax { Kind: LiteralKind.String } source when source.Text.Length > 0:
                query = new SeriesQuery(metric.Text, source.Text, null);
                break;
            case MapSyntax tags:
                query = new SeriesQuery(metric.Text, null, TagFilter(call, tags));
                break;
            default:
                throw Argument(call, 1, "must be a source pattern in quotes (\"*\" for every source) or a tag filter {\"tag\":\"pattern\"}");
        }

        var options = new OptionReader(call.Name, OptionalMap(call, 2), "function", "period");
        var statistic = SeriesStatistic.Mean;
        if (options.Find("function") is { } functionLiteral)
        {
            string name = options.GetString("function")!;
            int index = Array.IndexOf(SeriesStatistics, name);
            if (index < 0)
            {
                throw options.Problem(functionLiteral, "function", "must be one of " + string.Join(", ", SeriesStatistics));
            }

            statistic = (SeriesStatistic)index;
        }

        return new SeriesExpression(query, statistic, options.GetInteger("period", 1, MaxPeriod));
    }

    private static List<KeyValuePair<string, string>> TagFilter(CallSyntax call, MapSyntax tags)
    {
        var filter = new List<KeyValuePair<string, string>>(tags.Entries.Count);
        foreach (var entry in tags.Entries)
        {
            if (entry.Key.Length == 0 || entry.Value.Kind == LiteralKind.Boolean || entry.Value.Text.Length == 0)
            {
                throw CompositeException.At(entry.Value.Position,
                    $"the tag filter of {call.Name}() needs a tag name and a value pattern for every entry");
            }

            filter.Add(new KeyValuePair<string, string>(entry.Key.ToLowerInvariant(), entry.Value.Text));
        }

        return filter;
    }

    private static SetExpression CompileScale(CallSyntax call)
    {
        RequireArguments(call, 2, 2);
        var set = CompileSet(call.Arguments[0], $"the first argument of {call.Name}()");
        var options = new OptionReader(call.Name, OptionalMap(call, 1), "factor");
        var literal = options.Find("factor") ?? throw CompositeException.At(call.Arguments[1].Position, "scale() needs a factor option, such as {factor:\"2\"} or {factor:\"1/1024\"}");
        double factor = Fraction(literal.Text) ?? options.GetNumber("factor")!.Value;
        return new PointwiseExpression(set, value => value * factor);
    }

    /// <summary>The documented <c>"1/1024"</c> form of a scale factor; null for other text.</summary>
    private static double? Fraction(string text)
    {
        int slash = text.IndexOf('/');
        if (slash <= 0 ||
            !long.TryParse(text.AsSpan(0, slash), NumberStyles.None, CultureInfo.InvariantCulture, out long numerator) ||
            !long.TryParse(text.AsSpan(slash + 1), NumberStyles.None, CultureInfo.InvariantCulture, out long denominator))
        {
            return null;
        }

        if (denominator == 0)
        {
            throw new CompositeException($"the factor option of scale() divides by zero: \"{text}\"");
        }

        return (double)numerator / denominator;
    }

    private static SetExpression CompileDerive(CallSyntax call)
    {
        RequireArguments(call, 1, 2);
        var set = CompileSet(call.Arguments[0], $"the first argument of {call.Name}()");
        var options = new OptionReader(call.Name, OptionalMap(call, 1), "detect_reset");
        return new DeriveExpression(set, options.GetBoolean("detect_reset") ?? false);
    }

    private static SetExpression CompileWindow(CallSyntax call)
    {
        RequireArguments(call, 1, 2);
        var set = CompileSet(call.Arguments[0], $"the first argument of {call.Name}()");
        bool isWindow = call.Name == "window";
        var options = isWindow
            ? new OptionReader(call.Name, OptionalMap(call, 1), "size", "function")
            : new OptionReader(call.Name, OptionalMap(call, 1), "size");
        int size = (int)(options.GetInteger("size", 1, WindowExpression.MaxSize) ?? 1);
        var function = WindowFunction.Mean;
        if (isWindow && options.Find("function") is { } functionLiteral)
        {
            int index = Array.IndexOf(WindowFunctions, options.GetString("function"));
            if (index < 0)
            {
                throw options.Problem(functionLiteral, "function", "must be one of " + string.Join(", ", WindowFunctions));
            }

            function = (WindowFunction)index;
        }

        return new WindowExpression(set, size, function);
    }

    private static SetExpression CompileFill(CallSyntax call)
    {
        RequireArguments(call, 2, 2);
        var set = CompileSet(call.Arguments[0], $"the first argument of {call.Name}()");
        var options = new OptionReader(call.Name, OptionalMap(call, 1), "value");
        double value = options.GetNumber("value") ??
            throw CompositeException.At(call.Arguments[1].Position, "fill() needs a value option, such as {value:\"0\"}");
        return new FillExpression(set, value, call.Name);
    }

    private static SetExpression CompileTimeshift(CallSyntax call)
    {
        RequireArguments(call, 2, 2);
        if (call.Arguments[0] is not LiteralSyntax { Kind: LiteralKind.String } shifts)
        {
            throw Argument(call, 0, "must be the shifts in quotes, such as \"1h\" or \"0,1,2w\"");
        }

        return new TimeshiftExpression(TimeShifts.Parse(shifts), CompileSet(call.Arguments[1], "the second argument of timeshift()"));
    }

    private static SetExpression SingleSet(CallSyntax call)
    {
        RequireArguments(call, 1, 1);
        return CompileSet(call.Arguments[0], $"the argument of {call.Name}()");
    }

    private static MapSyntax? OptionalMap(CallSyntax call, int index)
    {
        if (index >= call.Arguments.Count)
        {
            return null;
        }

        return call.Arguments[index] as MapSyntax ?? throw Argument(call, index, "must be an options map {...}");
    }

    private static void RequireArguments(CallSyntax call, int min, int max)
    {
        int count = call.Arguments.Count;
        if (count < min || count > max)
        {
            string expected = min == max ? $"{min}" : $"{min} to {max}";
            throw new CompositeException(
                $"{call.Name}() at position {call.Position} takes {expected} argument{(max == 1 ? string.Empty : "s")} but was given {count}; usage: {CompositeFunctions.Signatures[call.Name]}");
        }
    }

    private static CompositeException Argument(CallSyntax call, int index, string message) =>
        CompositeException.At(call.Arguments[index].Position, $"argument {index + 1} of {call.Name}() {message}");
}
