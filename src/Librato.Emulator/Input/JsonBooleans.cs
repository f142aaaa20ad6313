using System;
using System.Text.Json;

namespace Librato.Emulator.Input;

/// <summary>
/// Reads booleans the way the API accepts them: JSON true/false, or the strings form-encoded clients send
/// ("true", "false", "1", "0", in any case).
/// </summary>
internal static class JsonBooleans
{
    public static bool TryRead(JsonElement element, out bool value)
    {
        switch (element.ValueKind)
        {
            case JsonValueKind.True:
                value = true;
                return true;
            case JsonValueKind.False:
                value = false;
                return true;
            case JsonValueKind.String:
                string text = element.GetString()!;
                if (text == "1" || string.Equals(text, "true", StringComparison.OrdinalIgnoreCase))
                {
                    value = true;
                    return true;
                }

                if (text == "0" || string.Equals(text, "false", StringComparison.OrdinalIgnoreCase))
                {
                    value = false;
                    return true;
                }

                break;
        }

        value = false;
        return false;
    }
}
