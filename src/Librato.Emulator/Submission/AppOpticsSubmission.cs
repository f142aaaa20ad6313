using System;
using System.Text.Json;
using Librato.Emulator.Input;

namespace Librato.Emulator.Submission;

/// <summary>
/// What AppOptics refuses of a whole <c>POST /v1/measurements</c> before storing anything: more than
/// <see cref="MaxMeasurements"/> measurements, or a measurement with no tags of its own and none at the top level.
/// </summary>
internal static class AppOpticsSubmission
{
    public const int MaxMeasurements = 1000;
    public const string TooMany = "exceeds the limit of 1000 measurements per request";
    public const string TagsRequired = "at least one tag is needed";

    /// <summary>The parameter and message of a refusal, or null when the request may be processed.</summary>
    public static (string Param, string Message)? Refusal(ReadOnlySpan<byte> body, PooledList<RawMeasurement> measurements, TaggedDefaults defaults)
    {
        if (measurements.Count > MaxMeasurements)
        {
            return ("measurements", TooMany);
        }

        // Top-level tags that are present but invalid are the per-measurement "tags" failure, not a missing tag.
        if (defaults.Tags is not null || defaults.TagsProblem != TagRules.NoTags)
        {
            return null;
        }

        for (int i = 0; i < measurements.Count; i++)
        {
            ref var measurement = ref measurements[i];
            if (measurement.Kind != JsonValueKind.Object)
            {
                continue;
            }

            var tags = measurement[MeasurementField.Tags];
            if (!tags.IsPresent || tags.Kind == JsonValueKind.Null
                || (tags.Kind == JsonValueKind.Object && TagResolver.IsEmptyObject(body, tags)))
            {
                return ("tags", $"{TagsRequired} (measurement {measurement.Index})");
            }
        }

        return null;
    }
}
