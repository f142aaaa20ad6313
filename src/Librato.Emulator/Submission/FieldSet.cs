using System.Runtime.CompilerServices;
using Librato.Emulator.Input;

namespace Librato.Emulator.Submission;

/// <summary>One captured value per <see cref="MeasurementField"/>; a property given twice keeps its last value, as in a JSON object.</summary>
[InlineArray(MeasurementFields.Count)]
internal struct FieldSet
{
    private JsonScalar first;

    public readonly JsonScalar Get(MeasurementField field) => this[(int)field];
}
