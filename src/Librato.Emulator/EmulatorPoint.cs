namespace Librato.Emulator;

/// <summary>A stored point. A plain value is stored as count 1 with sum, min, max and last equal to it.</summary>
public readonly record struct EmulatorPoint(
    long Time,
    double Value,
    long Count,
    double Sum,
    double Min,
    double Max,
    double SumSquares,
    double Last);
