namespace Librato.Emulator.Composite;

/// <summary>One point of an evaluated series: a bucket time and the value computed for it.</summary>
internal readonly record struct Sample(long Time, double Value);
