using System;
using System.Text.Json;
using Librato.Emulator.Input;

namespace Librato.Emulator.Submission;

/// <summary>A tagged submission read in one pass: the top-level fields and every entry of <c>measurements</c>.</summary>
internal sealed class TaggedBody : SubmissionBody, IDisposable
{
    /// <summary>What <c>measurements</c> was: Array when usable, Undefined when absent.</summary>
    public JsonValueKind MeasurementsKind { get; private set; }

    public PooledList<RawMeasurement> Measurements { get; } = new(1024);

    protected override bool TryReadMeasurements(int field, ref Utf8JsonReader reader)
    {
        if (field != (int)MeasurementField.Measurements)
        {
            return false;
        }

        ReadMeasurements(ref reader);
        return true;
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
