using System.Collections.Generic;

namespace Librato.Emulator.Composite;

/// <summary>The functions the emulator evaluates, with the signatures used in error messages.</summary>
internal static class CompositeFunctions
{
    public static readonly IReadOnlyDictionary<string, string> Signatures = new SortedDictionary<string, string>
    {
        ["abs"] = "abs(set)",
        ["derive"] = "derive(set, {detect_reset})",
        ["divide"] = "divide([dividend, divisor])",
        ["fill"] = "fill(set, {value})",
        ["integrate"] = "integrate(set)",
        ["max"] = "max(set)",
        ["mean"] = "mean(set)",
        ["min"] = "min(set)",
        ["moving_average"] = "moving_average(set, {size})",
        ["multiply"] = "multiply(set)",
        ["s"] = "s(metric, source or {tag: pattern}, {function, period})",
        ["scale"] = "scale(set, {factor})",
        ["series"] = "series(metric, source or {tag: pattern}, {function, period})",
        ["sum"] = "sum(set)",
        ["timeshift"] = "timeshift(shifts, set)",
        ["window"] = "window(set, {size, function})",
        ["zero_fill"] = "zero_fill(set)",
    };

    public static string Names => string.Join(", ", Signatures.Keys);
}
