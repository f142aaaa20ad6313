using System;
using System.Text.Json;
using Librato.Emulator.Input;

namespace Librato.Emulator.Submission;

/// <summary>Reads the members of one JSON object into a <see cref="FieldSet"/>, skipping members it does not know.</summary>
internal static class FieldReader
{
    /// <summary>The reader must be on the object's StartObject; it is left on the matching EndObject.</summary>
    public static void ReadObject(ref Utf8JsonReader reader, ref FieldSet fields)
    {
        while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
        {
            int field = PropertyField(ref reader);
            reader.Read();
            if (field >= 0)
            {
                fields[field] = JsonScalar.Capture(ref reader);
            }
            else
            {
                reader.Skip();
            }
        }
    }

    /// <summary>Reads one entry of a measurement collection; entries that are not objects only keep their kind.</summary>
    public static void ReadEntry(ref Utf8JsonReader reader, ref RawMeasurement measurement)
    {
        if (reader.TokenType == JsonTokenType.StartObject)
        {
            measurement.Kind = JsonValueKind.Object;
            ReadObject(ref reader, ref measurement.Fields);
        }
        else
        {
            measurement.Kind = JsonScalar.Capture(ref reader).Kind;
        }
    }

    /// <summary>The field named by the property the reader is on, or -1 for any other name.</summary>
    public static int PropertyField(ref Utf8JsonReader reader)
    {
        if (!reader.ValueIsEscaped)
        {
            return MeasurementFields.Lookup(reader.ValueSpan);
        }

        // A name spelled with escapes ("\u006eame") still names the field; six bytes per character at most.
        if (reader.ValueSpan.Length > MeasurementFields.MaxNameLength * 6)
        {
            return -1;
        }

        Span<byte> name = stackalloc byte[MeasurementFields.MaxNameLength * 6];
        int length = reader.CopyString(name);
        return MeasurementFields.Lookup(name.Slice(0, length));
    }
}
