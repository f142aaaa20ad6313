using System.Text;

namespace Librato.Api
{
    /// <summary>
    /// Makes any text a valid metric name the way the original Python client's sanitizer does: every run of
    /// characters outside <c>A-Za-z0-9.:-_</c> becomes one <c>-</c>, and the result is cut to 255 characters.
    /// </summary>
    public static class MetricNameSanitizer
    {
        public const int MaxLength = 255;

        public static string Sanitize(string name)
        {
            var builder = new StringBuilder(name.Length);
            var inRun = false;
            foreach (var c in name)
            {
                if (IsAllowed(c))
                {
                    builder.Append(c);
                    inRun = false;
                }
                else if (!inRun)
                {
                    builder.Append('-');
                    inRun = true;
                }

                if (builder.Length >= MaxLength)
                {
                    break;
                }
            }

            return builder.ToString();
        }

        private static bool IsAllowed(char c) =>
            (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '.' || c == ':' || c == '-' || c == '_';
    }
}
