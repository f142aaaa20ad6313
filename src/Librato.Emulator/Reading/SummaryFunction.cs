namespace Librato.Emulator.Reading;

internal enum SummaryFunction
{
    Mean,
    Sum,
    Min,
    Max,
    Count,
    Derivative,
    Stddev,
    All,
}
