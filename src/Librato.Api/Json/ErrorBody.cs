using System;
using System.Collections.Generic;
using System.Text.Json;

namespace Librato.Api
{
    /// <summary>
    /// Reads every error body shape the API is known to send (<c>errors.params/request/system</c>, a bare
    /// <c>errors</c> array, a string instead of an array, singular <c>error</c>, <c>message</c>) into flat texts.
    /// </summary>
    internal static class ErrorBody
    {
        public const string ProxyAdvice =
            "the proxy refused the proxy credentials or asked for some; check the proxy user name and password (Connect-Librato -ProxyCredential)";

        /// <param name="viaProxy">Whether an explicit proxy carried the request: a 401 that is not the API's JSON is then the proxy's.</param>
        public static LibratoApiException ToException(string method, string path, int status, byte[] body, TimeSpan? retryAfter = null, bool viaProxy = false)
        {
            var messages = Parse(body, out var parsed);
            var kind = Classify(status, messages);
            if (kind == LibratoErrorKind.Unauthorized && viaProxy && !parsed)
            {
                // Some proxies (tinyproxy) answer wrong proxy credentials with 401 and a page of their own.
                kind = LibratoErrorKind.ProxyAuthenticationFailed;
            }

            if (kind == LibratoErrorKind.ProxyAuthenticationFailed)
            {
                // The proxy answered, not the API: its page says nothing the user can act on.
                messages.Clear();
                messages.Add(ProxyAdvice);
            }
            else if (!parsed && body.Length > 0 && status < 500 && status != 401 && status != 404 && status != 429)
            {
                // A 4xx that is not the API's JSON usually comes from a proxy in between; say what it was.
                // An empty one has nothing to show: the status alone says it.
                messages.Add("the response body was not the API's JSON (" + Snippet(body) + ")");
            }

            return new LibratoApiException(kind, method, path, status, messages, null, retryAfter);
        }

        public static List<string> Parse(byte[] body, out bool parsed)
        {
            var messages = new List<string>();
            parsed = false;
            if (body.Length == 0)
            {
                return messages;
            }

            try
            {
                using (var doc = JsonDocument.Parse(body))
                {
                    parsed = true;
                    var root = doc.RootElement;
                    if (root.ValueKind != JsonValueKind.Object)
                    {
                        Collect(root, null, messages);
                        return messages;
                    }

                    foreach (var key in new[] { "errors", "error", "message" })
                    {
                        if (root.TryGetProperty(key, out var value))
                        {
                            Collect(value, null, messages);
                        }
                    }
                }
            }
            catch (JsonException)
            {
                parsed = false;
            }

            return messages;
        }

        private static void Collect(JsonElement e, string? prefix, List<string> messages)
        {
            switch (e.ValueKind)
            {
                case JsonValueKind.Object:
                    foreach (var p in e.EnumerateObject())
                    {
                        // "params", "request" and "system" group messages; a field name below them labels them.
                        var isGroup = prefix == null && (p.Name == "params" || p.Name == "request" || p.Name == "system");
                        Collect(p.Value, isGroup ? null : (prefix == null ? p.Name : prefix + "." + p.Name), messages);
                    }

                    break;
                case JsonValueKind.Array:
                    foreach (var item in e.EnumerateArray())
                    {
                        Collect(item, prefix, messages);
                    }

                    break;
                case JsonValueKind.Null:
                case JsonValueKind.Undefined:
                    break;
                default:
                    var text = e.ValueKind == JsonValueKind.String ? e.GetString() : e.GetRawText();
                    messages.Add(prefix == null ? text ?? string.Empty : prefix + ": " + text);
                    break;
            }
        }

        private static LibratoErrorKind Classify(int status, List<string> messages)
        {
            switch (status)
            {
                case 401: return LibratoErrorKind.Unauthorized;
                case 404: return LibratoErrorKind.NotFound;
                case 429: return LibratoErrorKind.RateLimited;
                case 407: return LibratoErrorKind.ProxyAuthenticationFailed;
                case 413: return LibratoErrorKind.PayloadTooLarge;
                case 403:
                    // The historical rate-limit answer is a 403 whose text names the API limit.
                    foreach (var m in messages)
                    {
                        if (m.IndexOf("API limit", StringComparison.OrdinalIgnoreCase) >= 0)
                        {
                            return LibratoErrorKind.RateLimited;
                        }
                    }

                    return LibratoErrorKind.Forbidden;
                default:
                    return status >= 500 ? LibratoErrorKind.ServerError : LibratoErrorKind.InvalidRequest;
            }
        }

        private static string Snippet(byte[] body)
        {
            var text = System.Text.Encoding.UTF8.GetString(body, 0, Math.Min(body.Length, 80)).Replace('\n', ' ').Replace('\r', ' ');
            return body.Length > 80 ? text + "..." : text;
        }
    }
}
