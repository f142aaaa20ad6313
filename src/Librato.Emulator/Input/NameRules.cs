using System;

namespace Librato.Emulator.Input;

/// <summary>Metric and source names: 1 to 255 of A-Z, a-z, 0-9, '.', ':', '-', '_'.</summary>
internal static class NameRules
{
    public const int MaxLength = 255;

    public static bool IsValidMetricName(string? name) => IsValidName(name);

    public static bool IsValidSource(string? source) =>
        IsValidName(source) && !string.Equals(source, "all", StringComparison.OrdinalIgnoreCase);

    public static bool IsReservedSource(string? source) => string.Equals(source, "all", StringComparison.OrdinalIgnoreCase);

    private static bool IsValidName(string? name)
    {
        if (string.IsNullOrEmpty(name) || name.Length > MaxLength)
        {
            return false;
        }

        foreach (char c in name)
        {
            bool allowed = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') ||
                           c == '.' || c == ':' || c == '-' || c == '_';
            if (!allowed)
            {
                return false;
            }
        }

        return true;
    }
}
