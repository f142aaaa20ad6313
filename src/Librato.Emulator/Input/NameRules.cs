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

    /// <summary>The same rule over UTF-8 bytes: a valid name is plain ASCII, so its bytes are its characters.</summary>
    public static bool IsValidMetricName(ReadOnlySpan<byte> name)
    {
        if (name.IsEmpty || name.Length > MaxLength)
        {
            return false;
        }

        foreach (byte c in name)
        {
            if (!IsNameChar((char)c))
            {
                return false;
            }
        }

        return true;
    }

    private static bool IsValidName(string? name)
    {
        if (string.IsNullOrEmpty(name) || name.Length > MaxLength)
        {
            return false;
        }

        foreach (char c in name)
        {
            if (!IsNameChar(c))
            {
                return false;
            }
        }

        return true;
    }

    private static bool IsNameChar(char c) =>
        (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '.' || c == ':' || c == '-' || c == '_';
}
