using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Text.RegularExpressions;
using Librato.Api;

namespace Librato.PowerShell
{
    /// <summary>
    /// Says in the user's terms what the API refused and what to do next. The route and status stay in the exception's
    /// message (and in -Verbose), where a support case needs them; the screen shows this text instead.
    /// </summary>
    internal static class RefusalText
    {
        /// <summary>What to type when a metric name is not valid.</summary>
        public const string MetricNameFix =
            "ConvertTo-LibratoMetricName gives a valid name, and Connect-Librato -SanitizeMetricNames makes every name valid.";

        /// <summary>A validation message with what to type to fix it, where the module has a command for that.</summary>
        public static string WithFix(ValidationError invalid) =>
            invalid.Code == ValidationCodes.InvalidMetricName ? invalid.Message + " " + MetricNameFix : invalid.Message;

        /// <summary>The same as an exception for the methods of queues and aggregators, which scripts call directly.</summary>
        public static MeasurementValidationException Refused(ValidationError invalid, Measurement measurement) =>
            new MeasurementValidationException(new ValidationError(invalid.Code, WithFix(invalid)), measurement);

        private static readonly Dictionary<string, string> Nouns = new Dictionary<string, string>(StringComparer.Ordinal)
        {
            ["metrics"] = "metric",
            ["measurements"] = "metric",
            ["alerts"] = "alert",
            ["spaces"] = "space",
            ["charts"] = "chart",
            ["services"] = "service",
            ["annotations"] = "annotation stream",
            ["sources"] = "source",
            ["links"] = "link",
            ["snapshots"] = "snapshot",
            ["api_tokens"] = "API token",
        };

        /// <summary>
        /// The explanation for a refused request (a 4xx other than the session's credentials, the rate limit or a missing
        /// object, which have their own texts), or null when the answer is of another kind. Submissions are reported per
        /// measurement by the sending cmdlets and are left to them.
        /// </summary>
        public static string? Explain(LibratoApiException ex)
        {
            if (ex.Kind != LibratoErrorKind.InvalidRequest || !ex.StatusCode.HasValue)
            {
                return null;
            }

            var segments = Segments(ex.Path);
            if (IsSubmission(ex.Method, segments))
            {
                return null;
            }

            var metric = segments.Count > 1 && (segments[0] == "metrics" || segments[0] == "measurements") ? segments[1] : null;
            if (metric != null && ex.ApiErrors.Any(IsInvalidName))
            {
                // The module says more than the API about a bad name: its length, the characters at fault, the fix.
                return "Librato refused to " + Verb(ex.Method, true) + " the metric. " + MeasurementValidator.NameProblem(metric) + " " + MetricNameFix;
            }

            var action = "Librato refused to " + (ex.Path.IndexOf("compose=", StringComparison.Ordinal) >= 0 ? "compute the composite" : Action(ex.Method, segments));

            var problems = ex.ApiErrors.Select(Problem).Where(p => p.Length > 0).ToList();
            var text = action +
                (problems.Count > 0 ? ": " + string.Join("; ", problems) : string.Empty);
            text = text.TrimEnd('.') + ".";
            var fix = Fix(segments, ex.ApiErrors);
            return fix == null ? text : text + " " + fix;
        }

        /// <summary>What to do, in a sentence, for the refusals the module knows a way out of.</summary>
        private static string? Fix(IReadOnlyList<string> segments, IReadOnlyList<string> errors)
        {
            var collection = segments.Count > 0 ? segments[0] : string.Empty;
            foreach (var error in errors)
            {
                var lower = error.ToLowerInvariant();
                if (IsInvalidName(error))
                {
                    switch (collection)
                    {
                        case "metrics":
                        case "measurements":
                            return MetricNameFix;
                        case "annotations":
                            return $"An annotation stream's name is {MeasurementValidator.NameRule}; put other text in the annotation's -Title.";
                        case "alerts":
                            return $"An alert's name is {MeasurementValidator.NameRule}.";
                        case "sources":
                            return $"A source name is {MeasurementValidator.NameRule}.";
                    }
                }

                if (lower.Contains("too far in the past") || lower.Contains("too far in the future"))
                {
                    return "Give a time between a year ago and a few minutes from now.";
                }

                if (lower.Contains("must be before"))
                {
                    return "Give a -StartTime before the -EndTime.";
                }

                if (lower.Contains("resolution"))
                {
                    return "Leave -Resolution out, or give one Librato keeps for a window that long (Tab after -Resolution lists them).";
                }
            }

            return errors.Count > 0 ? "Correct " + Fields(errors) + ", then run the command again." : null;
        }

        private static string Fields(IReadOnlyList<string> errors)
        {
            var fields = new List<string>();
            foreach (var error in errors)
            {
                Split(error, out var field, out _);
                if (field.Length > 0 && !fields.Contains(field))
                {
                    fields.Add(field);
                }
            }

            var named = fields.Select(f => "the " + Words(f)).ToList();
            return named.Count == 0 ? "what the API named"
                : named.Count == 1 ? named[0]
                : string.Join(", ", named.Take(named.Count - 1)) + " and " + named[named.Count - 1];
        }

        /// <summary>The action in words: <c>update metric 'cpu'</c>, <c>add a chart to space 12</c>.</summary>
        private static string Action(string method, IReadOnlyList<string> segments)
        {
            if (segments.Count == 0)
            {
                return Verb(method, true) + " the request";
            }

            var noun = NounOf(segments[0]);
            if (segments.Count == 1)
            {
                return method == "GET" ? "list " + segments[0].Replace('_', ' ') : Verb(method, false) + " the " + noun + (method == "POST" ? string.Empty : "s");
            }

            var owner = noun + " " + Name(segments[0], segments[1]);
            if (segments.Count == 2)
            {
                // POST to a named annotation stream adds an event to it.
                return segments[0] == "annotations" && method == "POST"
                    ? "add an annotation to " + owner
                    : Verb(method, segments[0] == "metrics" || segments[0] == "sources") + " " + owner;
            }

            if (segments[0] == "annotations")
            {
                if (segments.Count >= 4 && segments[3] == "links")
                {
                    return (method == "POST" ? "add a link to" : Verb(method, false) + " a link of") + " annotation " + segments[2] + " of " + owner;
                }

                return Verb(method, false) + " annotation " + segments[2] + " of " + owner;
            }

            var child = NounOf(segments[2]);
            if (segments.Count == 3)
            {
                return method == "POST" ? "add a " + child + " to " + owner : Verb(method, false) + " the " + child + "s of " + owner;
            }

            return Verb(method, false) + " " + child + " " + segments[3] + " of " + owner;
        }

        /// <param name="creates">Whether a PUT there also creates (metrics and sources are made by naming them).</param>
        private static string Verb(string method, bool creates)
        {
            switch (method)
            {
                case "POST": return "create";
                case "PUT": return creates ? "create or update" : "update";
                case "DELETE": return "delete";
                case "GET": return "read";
                default: return method.ToLowerInvariant();
            }
        }

        private static string NounOf(string collection) =>
            Nouns.TryGetValue(collection, out var noun) ? noun : collection.TrimEnd('s').Replace('_', ' ');

        private static string Name(string collection, string id) =>
            long.TryParse(id, NumberStyles.None, CultureInfo.InvariantCulture, out _) && collection != "metrics" && collection != "sources"
                ? id
                : "'" + Shown(id) + "'";

        /// <summary>One API error in words: <c>display_max: is not a number</c> becomes <c>the display max is not a number</c>.</summary>
        private static string Problem(string error)
        {
            Split(error, out var field, out var message);
            message = QuotedValue.Replace(message.Trim(), m => "'" + Shown(m.Groups[1].Value) + "'");
            if (message.Length > 300)
            {
                message = message.Substring(0, 150) + "\u2026" + message.Substring(message.Length - 100);
            }
            if (field.Length == 0 || field == "request" || field == "params" || field == "system")
            {
                return message;
            }

            // Some answers name the field themselves ('x' is not a valid metric name); the field would only repeat it.
            return message.StartsWith("'", StringComparison.Ordinal) || char.IsUpper(message.Length > 0 ? message[0] : 'a')
                ? message
                : "the " + Words(field) + " " + message;
        }

        private static void Split(string error, out string field, out string message)
        {
            var colon = error.IndexOf(": ", StringComparison.Ordinal);
            var candidate = colon > 0 ? error.Substring(0, colon) : string.Empty;
            if (candidate.Length > 0 && candidate.All(c => char.IsLetterOrDigit(c) || c == '_' || c == '.' || c == '[' || c == ']'))
            {
                field = candidate;
                message = error.Substring(colon + 2);
            }
            else
            {
                field = string.Empty;
                message = error;
            }
        }

        private static bool IsInvalidName(string error)
        {
            Split(error, out var field, out var message);
            return field == "name" && message.IndexOf("valid", StringComparison.OrdinalIgnoreCase) >= 0;
        }

        private static string Words(string field) => field.Replace('_', ' ').Replace('.', ' ');

        /// <summary>A long echoed value is cut in the middle, with its length, so a refusal stays one screen line or two.</summary>
        private static string Shown(string text) =>
            text.Length <= 60 ? text : MeasurementValidator.Shorten(text) + $" ({text.Length} characters)";

        /// <summary>A value the API quotes back; only the long ones are cut.</summary>
        private static readonly Regex QuotedValue = new Regex("'([^']{61,})'", RegexOptions.CultureInvariant);

        private static bool IsSubmission(string method, IReadOnlyList<string> segments) =>
            method == "POST" && segments.Count == 1 && (segments[0] == "metrics" || segments[0] == "measurements");

        /// <summary>The decoded segments after <c>v1/</c>, without the query.</summary>
        private static List<string> Segments(string path)
        {
            var query = path.IndexOf('?');
            var bare = query >= 0 ? path.Substring(0, query) : path;
            var parts = bare.Split(new[] { '/' }, StringSplitOptions.RemoveEmptyEntries).Select(Uri.UnescapeDataString).ToList();
            if (parts.Count > 0 && parts[0] == "v1")
            {
                parts.RemoveAt(0);
            }

            return parts;
        }
    }
}
