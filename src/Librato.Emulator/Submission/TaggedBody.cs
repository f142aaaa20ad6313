using System;
using System.Text.Json;
using System.Text.Unicode;
using Librato.Emulator.Input;

namespace Librato.Emulator.Submission;

/// <summary>A tagged submission read in one pass: the top-level fields and every entry of <c>measurements</c>.</summary>
internal sealed class TaggedBody : IDisposable
{
    public FieldSet Root;

    /// <summary>What <c>measurements</c> was: Array when usable, Undefined when absent.</summary>
    public JsonValueKind MeasurementsKind { get; private set; }

    public PooledList<RawMeasurement> Measurements { get; } = new(1024);

    /// <summary>Reads the body; false when it is not a JSON object (or not JSON at all).</summary>
    public static bool TryRead(ReadOnlySpan<byte> body, TaggedBody result)
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
                if (field == (int)MeasurementField.Measurements)
                {
                    result.ReadMeasurements(ref reader);
                }
                else if (field >= 0)
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

    private void ReadMeasurements(ref Utf8JsonReader reader)
    {
        // Given twice, the last one counts, as with a parsed document.
        Measurements.Clear();
        if (reader.TokenType != JsonTokenType.StartArray)
        {
            MeasurementsKind = JsonScalar.Capture(ref reader).Kind;
            return;
        }

        MeasurementsKind = JsonValueKind.Array;
        int index = 0;
        while (reader.Read() && reader.TokenType != JsonTokenType.EndArray)
        {
            ref var measurement = ref Measurements.Add();
            measurement.Index = index++;
            FieldReader.ReadEntry(ref reader, ref measurement);
        }
    }

    public void Dispose() => Measurements.Dispose();
}
