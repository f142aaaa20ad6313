namespace Librato.Emulator.Input;

/// <summary>The colors of metric attributes and chart streams: '#' and six hex digits, such as <c>#52D74C</c>.</summary>
internal static class HexColor
{
    public static bool IsValid(string text)
    {
        if (text.Length != 7 || text[0] != '#')
        {
            return false;
        }

        for (int i = 1; i < text.Length; i++)
        {
            if (!char.IsAsciiHexDigit(text[i]))
            {
                return false;
            }
        }

        return true;
    }
}
