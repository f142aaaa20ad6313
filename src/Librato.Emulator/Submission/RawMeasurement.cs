using System.Text.Json;
using Librato.Emulator.Input;

namespace Librato.Emulator.Submission;

/// <summary>
/// One entry of a submission as the single-pass reader found it: its kind, its position (array index or object key)
/// and the fields it gave. Validation runs over these once the whole body has been read.
/// </summary>
internal struct RawMeasurement
{
    public JsonValueKind Kind;

    /// <summary>The position in its array or object, counting from 0.</summary>
    public int Index;

    /// <summary>The member name when the collection was an object (hashed or indexed layouts); Undefined in an array.</summary>
    public JsonScalar Key;

    public FieldSet Fields;

    public readonly JsonScalar this[MeasurementField field] => Fields[(int)field];
}
