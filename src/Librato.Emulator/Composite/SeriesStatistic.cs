namespace Librato.Emulator.Composite;

/// <summary>The <c>function</c> option of <c>s()</c>: which summary statistic of each bucket becomes its value.</summary>
internal enum SeriesStatistic
{
    Mean,
    Sum,
    Min,
    Max,
    Count,
}
