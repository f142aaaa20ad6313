using System;
using System.Text.Json;
using Librato.Emulator.Input;

namespace Librato.Emulator.Submission;

/// <summary>
/// A legacy submission read in one pass: the top-level fields and the entries of <c>gauges</c> and
/// <c>counters</c>, from any of the three layouts (an array, an object hashed by metric name, or an object
/// indexed by position whose entries carry their own name).
/// </summary>
internal sealed class LegacyBody : SubmissionBody, IDisposable
{
    public PooledList<RawMeasurement> Gauges { get; } = new(1024);

    private bool gaugesInvalid;
    private bool countersInvalid;

    public PooledList<RawMeasurement> Counters { get; } = new(16);

    /// <summary>Set when <c>gauges</c> or <c>counters</c> is neither an array, an object nor null.</summary>
    public bool HasInvalidCollection => gaugesInvalid || countersInvalid;

    protected override bool TryReadMeasurements(int field, ref Utf8JsonReader reader)
    {
        if (field == (int)MeasurementField.Gauges)
        {
            gaugesInvalid = !ReadCollection(ref reader, Gauges);
        }
        else if (field == (int)MeasurementField.Counters)
        {
            countersInvalid = !ReadCollection(ref reader, Counters);
        }
        else
        {
            return false;
        }

        return true;
    }

    /// <summary>Reads one collection, replacing what an earlier spelling of it gave; false when its kind is unusable.</summary>
    private static bool ReadCollection(ref Utf8JsonReader reader, PooledList<RawMeasurement> entries)
    {
        entries.Clear();
        int index = 0;
        switch (reader.TokenType)
        {
            case JsonTokenType.Null:
                return true;
            case JsonTokenType.StartArray:
                while (reader.Read() && reader.TokenType != JsonTokenType.EndArray)
                {
                    ref var entry = ref entries.Add();
                    entry.Index = index++;
                    FieldReader.ReadEntry(ref reader, ref entry);
                }

                return true;
            case JsonTokenType.StartObject:
                while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
                {
                    ref var entry = ref entries.Add();
                    entry.Index = index++;
                    entry.Key = JsonScalar.CaptureName(ref reader);
                    reader.Read();
                    FieldReader.ReadEntry(ref reader, ref entry);
                }

                return true;
            default:
                JsonScalar.Capture(ref reader);
                return false;
        }
    }

    public void Dispose()
    {
        Gauges.Dispose();
        Counters.Dispose();
    }
}
