using System;
using System.Text.Json;
using System.Text.Unicode;
using Librato.Emulator.Input;

namespace Librato.Emulator.Submission;

/// <summary>
/// A submission read in one pass: the top-level fields into <see cref="Root"/>, and the fields that hold the
/// measurements (<c>gauges</c> and <c>counters</c>, or <c>measurements</c>) as each kind of body reads them.
/// </summary>
internal abstract class SubmissionBody
{
    public FieldSet Root;

    /// <summary>Reads the body; false when it is not a JSON object (or not JSON at all).</summary>
    public static bool TryRead(ReadOnlySpan<byte> body, SubmissionBody result)
    {
        // JSON is UTF-8; checking it once up front (it is fast) spares every later string read the question.
        if (body.IsEmpty || !Utf8.IsValid(body))
        {
            return false;
        }

        try
        {
            var reader = new Utf8JsonReader(body);
            if (!reader.Read() || reader.TokenType != JsonTokenType.StartObject)
            {
                return false;
            }

            while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
            {
                int field = FieldReader.PropertyField(ref reader);
                reader.Read();
                if (result.TryReadMeasurements(field, ref reader))
                {
                    continue;
                }

                if (field >= 0)
                {
                    result.Root[field] = JsonScalar.Capture(ref reader);
                }
                else
                {
                    reader.Skip();
                }
            }

            // Anything after the root object is an error, as it is for a parsed document.
            return !reader.Read();
        }
        catch (JsonException)
        {
            return false;
        }
    }

    /// <summary>
    /// Reads the value of a top-level field that holds measurements (the reader stands on its first token); false,
    /// reading nothing, when <paramref name="field"/> is not one of those.
    /// </summary>
    protected abstract bool TryReadMeasurements(int field, ref Utf8JsonReader reader);
}
