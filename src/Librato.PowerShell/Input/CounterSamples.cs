using System;
using System.Collections;
using System.Collections.Generic;
using System.Globalization;
using System.Management.Automation;
using System.Runtime.CompilerServices;
using System.Text;
using System.Text.RegularExpressions;
using Librato.Api;

namespace Librato.PowerShell
{
    /// <summary>
    /// Reads Get-Counter output: a PerformanceCounterSampleSet (its CounterSamples) or single PerformanceCounterSamples.
    /// A counter path <c>\\host\object(instance)\counter</c> becomes the metric <c>object.counter</c> (lower case,
    /// <c>%</c> as <c>pct</c>, <c>/</c> as <c>_per_</c>, <c>#</c> as <c>num</c>, spaces as <c>_</c>), sent with the
    /// tags <c>host</c> and <c>instance</c>; given a source, it is sent with that source instead (<c>source:instance</c>
    /// for counters with instances). The sample's timestamp is the measurement's time and its cooked value the value.
    /// </summary>
    internal static class CounterSamples
    {
        private const string SampleSetType = "Microsoft.PowerShell.Commands.GetCounter.PerformanceCounterSampleSet";
        private const string SampleType = "Microsoft.PowerShell.Commands.GetCounter.PerformanceCounterSample";

        private static readonly Regex CounterPath = new Regex(
            @"^(?:\\\\(?<host>[^\\]+))?\\(?<object>[^\\(]+)(?:\((?<instance>.*)\))?\\(?<counter>[^\\]+)$",
            RegexOptions.Compiled | RegexOptions.CultureInvariant);

        /// <summary>True when the input is Get-Counter output: a sample set or a single sample.</summary>
        [MethodImpl(HotPath.Optimized)]
        public static bool IsCounterOutput(object? input, object? raw)
        {
            // Numbers, text, hashtables and measurements are never samples: spare them the type-name check.
            if (raw == null || raw is IConvertible || raw is IDictionary || raw is Measurement)
            {
                return false;
            }

            var pso = input as PSObject ?? PSObject.AsPSObject(raw);
            return IsType(pso, SampleSetType) || IsType(pso, SampleType);
        }

        /// <summary>Reads Get-Counter output (see <see cref="IsCounterOutput"/>) into a measurement per sample.</summary>
        public static void Read(object? input, object raw, string? source, Action<Measurement> accept, Action<InputProblem, object?> reject)
        {
            var pso = input as PSObject ?? PSObject.AsPSObject(raw);
            if (!IsType(pso, SampleSetType))
            {
                ReadSample(pso, null, source, accept, reject);
                return;
            }

            var samples = pso.Properties["CounterSamples"]?.Value;
            var setTime = pso.Properties["Timestamp"]?.Value;
            foreach (var sample in InputConversion.Unwrap(samples) as IEnumerable ?? new object[0])
            {
                ReadSample(PSObject.AsPSObject(sample), setTime, source, accept, reject);
            }
        }

        /// <summary>Maps a counter path to its metric name, host and instance; null when it is not a counter path.</summary>
        public static (string Name, string? Host, string? Instance)? ParsePath(string path)
        {
            var match = CounterPath.Match(path.Trim());
            if (!match.Success)
            {
                return null;
            }

            var name = MetricNameSanitizer.Sanitize(Words(match.Groups["object"].Value) + "." + Words(match.Groups["counter"].Value));
            var host = match.Groups["host"].Success ? match.Groups["host"].Value.ToLowerInvariant() : null;
            var instance = match.Groups["instance"].Success && match.Groups["instance"].Value.Length > 0
                ? match.Groups["instance"].Value.ToLowerInvariant()
                : null;
            return (name, host, instance);
        }

        private static void ReadSample(PSObject sample, object? setTime, string? source, Action<Measurement> accept, Action<InputProblem, object?> reject)
        {
            var path = InputConversion.Text(sample.Properties["Path"]?.Value);
            var parsed = path == null ? null : ParsePath(path);
            if (parsed == null)
            {
                reject(new InputProblem(ErrorIds.InvalidCounterSample, $"'{path}' is not a performance counter path."), sample);
                return;
            }

            var status = InputConversion.Unwrap(sample.Properties["Status"]?.Value);
            if (status != null && Convert.ToInt64(status, CultureInfo.InvariantCulture) != 0)
            {
                reject(new InputProblem(ErrorIds.InvalidCounterSample, $"The sample of '{path}' has status {status}: the counter could not be read."), sample);
                return;
            }

            if (!InputConversion.TryNumber(sample.Properties["CookedValue"]?.Value, out var value) || !value.HasValue)
            {
                reject(new InputProblem(ErrorIds.ForValidation(ValidationCodes.InvalidValue), $"The sample of '{path}' has no numeric CookedValue."), sample);
                return;
            }

            if (InputConversion.TryTime(sample.Properties["Timestamp"]?.Value ?? setTime, out var time, out _) != TimeReading.Ok)
            {
                reject(new InputProblem(ErrorIds.InvalidCounterSample, $"The sample of '{path}' has an unreadable Timestamp."), sample);
                return;
            }

            var (name, host, instance) = parsed.Value;
            var measurement = new Measurement(name, value.Value) { Time = time };
            if (source != null)
            {
                measurement.Source = instance == null ? source : MetricNameSanitizer.Sanitize(source + ":" + instance);
            }
            else
            {
                var tags = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
                if (host != null)
                {
                    tags["host"] = TagValue(host);
                }

                if (instance != null)
                {
                    tags["instance"] = TagValue(instance);
                }

                measurement.Tags = tags.Count > 0 ? tags : null;
            }

            accept(measurement);
        }

        [MethodImpl(HotPath.Optimized)]
        private static bool IsType(PSObject pso, string typeName)
        {
            const string deserialized = "Deserialized.";
            var names = InputProperties.TypeNamesOf(pso);
            for (var i = 0; i < names.Count; i++)
            {
                // Deserialized.* covers samples that crossed a remoting or job boundary. Lengths first: most inputs
                // are custom objects, whose type names are shorter than either.
                var name = names[i];
                if ((name.Length == typeName.Length || name.Length == deserialized.Length + typeName.Length) &&
                    name.EndsWith(typeName, StringComparison.Ordinal) &&
                    (name.Length == typeName.Length || name.StartsWith(deserialized, StringComparison.Ordinal)))
                {
                    return true;
                }
            }

            return false;
        }

        private static string Words(string text)
        {
            var lowered = text.Trim().ToLowerInvariant()
                .Replace("%", " pct ")
                .Replace("/", " per ")
                .Replace("#", " num ");
            var builder = new StringBuilder();
            foreach (var word in lowered.Split(new[] { ' ', '\t' }, StringSplitOptions.RemoveEmptyEntries))
            {
                builder.Append(builder.Length == 0 ? string.Empty : "_").Append(word);
            }

            return builder.ToString();
        }

        // Instance names may hold characters tag values cannot (brackets, '#', commas); they become '_'.
        private static string TagValue(string text)
        {
            var builder = new StringBuilder(text.Length);
            foreach (var c in text)
            {
                builder.Append(char.IsLetterOrDigit(c) && c < 128 || "-.:_?\\/ ".IndexOf(c) >= 0 ? c : '_');
            }

            return builder.Length > 255 ? builder.ToString(0, 255) : builder.ToString();
        }
    }
}
