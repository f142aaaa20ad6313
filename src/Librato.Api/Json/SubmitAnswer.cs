using System;
using System.Text;
using System.Text.Json;

namespace Librato.Api
{
    /// <summary>
    /// Tells whether a 2xx answer to a submission is the API's own. A proxy's error page, a captive portal or a
    /// misrouted endpoint answers 200 too; counting that as accepted loses the batch, so such an answer fails it
    /// (and it is retried, then kept or reported) instead.
    /// </summary>
    internal static class SubmitAnswer
    {
        /// <summary><c>POST /v1/metrics</c>: an empty body (the documented answer) or a JSON object.</summary>
        public static string? CheckLegacy(ApiResponse answer) =>
            answer.Body.Length == 0 ? null : CheckObject(answer, "an empty body or a JSON object", null);

        /// <summary><c>POST /v1/measurements</c>: a JSON object (its summary and errors), or nothing at all with 204.</summary>
        public static string? CheckTagged(ApiResponse answer, int batchSize)
        {
            if (answer.Body.Length == 0)
            {
                return answer.Status == System.Net.HttpStatusCode.NoContent ? null : Unexpected(answer, "an empty body", "a JSON object with the measurements' summary");
            }

            return CheckObject(answer, "a JSON object with the measurements' summary", batchSize);
        }

        private static string? CheckObject(ApiResponse answer, string expected, int? batchSize)
        {
            if (!IsJsonMediaType(answer.ContentType))
            {
                return Unexpected(answer, answer.ContentType == null ? "a body without a content type" : "'" + answer.ContentType + "'", expected);
            }

            try
            {
                using (var doc = JsonDocument.Parse(answer.Body))
                {
                    var root = doc.RootElement;
                    if (root.ValueKind != JsonValueKind.Object)
                    {
                        return Unexpected(answer, "a JSON " + root.ValueKind.ToString().ToLowerInvariant(), expected);
                    }

                    if (root.TryGetProperty("errors", out var errors) && errors.ValueKind != JsonValueKind.Array && errors.ValueKind != JsonValueKind.Null)
                    {
                        return Unexpected(answer, "'errors' that is not a list", expected);
                    }

                    if (batchSize.HasValue && root.TryGetProperty("measurements", out var measurements) &&
                        measurements.ValueKind == JsonValueKind.Object && measurements.TryGetProperty("summary", out var summary) &&
                        summary.ValueKind == JsonValueKind.Object && summary.TryGetProperty("total", out var total) &&
                        total.ValueKind == JsonValueKind.Number && (!total.TryGetInt64(out var count) || count != batchSize.Value))
                    {
                        return Unexpected(answer, $"a summary of {total.GetRawText()} measurements where {batchSize.Value} were sent", expected);
                    }
                }
            }
            catch (JsonException)
            {
                return Unexpected(answer, "a body that is not JSON", expected);
            }

            return null;
        }

        private static bool IsJsonMediaType(string? mediaType) =>
            mediaType != null &&
            (string.Equals(mediaType, "application/json", StringComparison.OrdinalIgnoreCase) ||
             mediaType.EndsWith("+json", StringComparison.OrdinalIgnoreCase) ||
             string.Equals(mediaType, "text/json", StringComparison.OrdinalIgnoreCase));

        private static string Unexpected(ApiResponse answer, string what, string expected) =>
            $"the {(int)answer.Status} answer was {what} ({Snippet(answer.Body)}), not the API's answer ({expected}); " +
            "nothing is counted as stored: a proxy or another server may have answered";

        private static string Snippet(byte[] body)
        {
            if (body.Length == 0)
            {
                return "empty";
            }

            var text = Encoding.UTF8.GetString(body, 0, Math.Min(body.Length, 60)).Replace('\n', ' ').Replace('\r', ' ').Trim();
            return body.Length + " bytes: \"" + text + (body.Length > 60 ? "...\"" : "\"");
        }
    }
}
