using System;
using System.Text.Json;
using System.Text.Unicode;
using Librato.Emulator.Input;

namespace Librato.Emulator.Submission;

/// <summary>
/// A legacy submission read in one pass: the top-level fields and the entries of <c>gauges</c> and
/// <c>counters</c>, from any of the three layouts (an array, an object hashed by metric name, or an object
/// indexed by position whose entries carry their own name).
/// </summary>
internal sealed class LegacyBody : IDisposable
{
    public FieldSet Root;

    public PooledList<RawMeasurement> Gauges { get; } = new(1024);

    private bool gaugesInvalid;
    private bool countersInvalid;

    public PooledList<RawMeasurement> Counters { get; } = new(16);

    /// <summary>Set when <c>gauges</c> or <c>counters</c> is neither an array, an object nor null.</summary>
    public bool HasInvalidCollection => gaugesInvalid || countersInvalid;

    /// <summary>Reads the body; false when it is not a JSON object (or not JSON at all).</summary>
    public static bool TryRead(ReadOnlySpan<byte> body, LegacyBody result)
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
                if (field == (int)MeasurementField.Gauges)
                {
                    result.gaugesInvalid = !ReadCollection(ref reader, result.Gauges);
                }
                else if (field == (int)MeasurementField.Counters)
                {
                    result.countersInvalid = !ReadCollection(ref reader, result.Counters);
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

            return !reader.Read();
        }
        catch (JsonException)
        {
            return false;
        }
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
