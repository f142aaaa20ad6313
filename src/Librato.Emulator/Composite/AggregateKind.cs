namespace Librato.Emulator.Composite;

/// <summary>The set functions that combine the series of a set point in time by point in time.</summary>
internal enum AggregateKind
{
    Sum,
    Mean,
    Min,
    Max,
    Product,
}
