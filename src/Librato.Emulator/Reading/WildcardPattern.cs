using System;

namespace Librato.Emulator.Reading;

/// <summary>A case-insensitive pattern where '*' matches any run of characters (including none).</summary>
internal sealed class WildcardPattern
{
    private readonly string pattern;

    public WildcardPattern(string pattern)
    {
        this.pattern = pattern;
    }

    public bool MatchesEverything => pattern.Length > 0 && pattern.AsSpan().Trim('*').IsEmpty;

    public bool IsMatch(string text)
    {
        int p = 0;
        int t = 0;
        int starAt = -1;
        int resumeAt = 0;
        while (t < text.Length)
        {
            if (p < pattern.Length && pattern[p] == '*')
            {
                starAt = p++;
                resumeAt = t;
            }
            else if (p < pattern.Length && char.ToLowerInvariant(pattern[p]) == char.ToLowerInvariant(text[t]))
            {
                p++;
                t++;
            }
            else if (starAt >= 0)
            {
                // Let the last '*' swallow one more character and retry from there.
                p = starAt + 1;
                t = ++resumeAt;
            }
            else
            {
                return false;
            }
        }

        while (p < pattern.Length && pattern[p] == '*')
        {
            p++;
        }

        return p == pattern.Length;
    }
}
