using System;
using System.Collections.Generic;
using System.Globalization;

namespace Librato.Emulator.Composite;

/// <summary>
/// Parses the first argument of <c>timeshift()</c>: whole numbers separated by commas, then one unit for all of
/// them (<c>"0,1,2,3w"</c>). A number without a sign or with '-' shifts back in time, one with '+' forward. The unit
/// may be left out only when every shift is 0.
/// </summary>
internal static class TimeShifts
{
    private const string Format = "\"<number>[,<number>...]<unit>\" with the unit one of s, m, h, d, w, such as \"1h\" or \"0,1,2w\"";

    public static List<long> Parse(LiteralSyntax literal)
    {
        string text = literal.Text.Trim();
        long unit = text.Length == 0 ? 0 : UnitSeconds(text[^1]);
        string numbers = unit == 0 ? text : text.Substring(0, text.Length - 1);
        var shifts = new List<long>();
        foreach (string part in numbers.Split(','))
        {
            string trimmed = part.Trim();
            bool forward = trimmed.StartsWith('+');
            string digits = trimmed.TrimStart('+', '-');
            if (digits.Length == 0 || digits.Length < trimmed.Length - 1 ||
                !long.TryParse(digits, NumberStyles.None, CultureInfo.InvariantCulture, out long amount) || amount > 10_000_000)
            {
                throw CompositeException.At(literal.Position, $"the shifts of timeshift() must look like {Format}");
            }

            if (amount != 0 && unit == 0)
            {
                throw CompositeException.At(literal.Position, $"the shifts of timeshift() need a unit: {Format}");
            }

            shifts.Add((forward ? -amount : amount) * Math.Max(unit, 1));
        }

        return shifts;
    }

    private static long UnitSeconds(char unit) => unit switch
    {
        's' => 1,
        'm' => 60,
        'h' => 3600,
        'd' => 86400,
        'w' => 604800,
        _ => 0,
    };
}
