using System.Management.Automation;

namespace Librato.PowerShell
{
    /// <summary>
    /// Splits a -Name value into what the API can search (a case-insensitive substring) and what must be matched
    /// locally (the full wildcard pattern).
    /// </summary>
    internal sealed class WildcardFilter
    {
        private readonly WildcardPattern pattern;

        public WildcardFilter(string text)
        {
            pattern = WildcardPattern.Get(text, WildcardOptions.IgnoreCase | WildcardOptions.CultureInvariant);
            ServerFilter = LongestLiteral(text);
        }

        /// <summary>The longest run of plain characters, which every match must contain; null when there is none.</summary>
        public string? ServerFilter { get; }

        public static bool HasWildcards(string text) => WildcardPattern.ContainsWildcardCharacters(text);

        public bool IsMatch(string name) => pattern.IsMatch(name);

        private static string? LongestLiteral(string text)
        {
            string? best = null;
            var start = 0;
            var inBrackets = false;
            for (var i = 0; i <= text.Length; i++)
            {
                var c = i < text.Length ? text[i] : '*';
                var special = c == '*' || c == '?' || c == '[' || c == ']' || c == '`' || inBrackets;
                if (c == '[')
                {
                    inBrackets = true;
                }
                else if (c == ']')
                {
                    inBrackets = false;
                }

                if (special)
                {
                    if (i - start > (best?.Length ?? 0))
                    {
                        best = text.Substring(start, i - start);
                    }

                    start = i + 1;
                }
            }

            return best;
        }
    }
}
