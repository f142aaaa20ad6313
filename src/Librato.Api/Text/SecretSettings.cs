using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;

namespace Librato.Api
{
    /// <summary>
    /// Which settings of a notification service are secrets, and how they are shown. A Slack or webhook URL carries
    /// its credential in its path, and keys, tokens and passwords are credentials outright: views and text show
    /// them masked, and the service object keeps the real value for whoever reads the property.
    /// </summary>
    public static class SecretSettings
    {
        private static readonly string[] SecretWords = { "token", "key", "password", "secret", "url", "webhook", "auth" };

        /// <summary>Whether a setting's value is a credential (by its name: <c>url</c>, <c>api_key</c>, <c>password</c>…).</summary>
        public static bool IsSecret(string name) =>
            SecretWords.Any(word => name.IndexOf(word, StringComparison.OrdinalIgnoreCase) >= 0);

        /// <summary>A setting's value as shown: a URL keeps its scheme and host, anything else secret shows as <c>****</c>.</summary>
        public static string Show(string name, object? value)
        {
            var text = Convert.ToString(value, CultureInfo.InvariantCulture) ?? string.Empty;
            if (!IsSecret(name) || text.Length == 0)
            {
                return text;
            }

            return Uri.TryCreate(text, UriKind.Absolute, out var uri) && (uri.Scheme == Uri.UriSchemeHttps || uri.Scheme == Uri.UriSchemeHttp)
                ? uri.Scheme + "://" + uri.Host + "/****"
                : "****";
        }

        /// <summary>Every setting as <c>name=value</c>, secrets masked, in name order.</summary>
        public static string Summary(IDictionary<string, object?> settings) =>
            string.Join("; ", settings.OrderBy(s => s.Key, StringComparer.OrdinalIgnoreCase).Select(s => s.Key + "=" + Show(s.Key, s.Value)));
    }
}
