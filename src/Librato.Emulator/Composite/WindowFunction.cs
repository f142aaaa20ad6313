namespace Librato.Emulator.Composite;

/// <summary>The <c>function</c> option of <c>window()</c>.</summary>
internal enum WindowFunction
{
    Mean,
    Sum,
    Min,
    Max,
    Median,
}
