namespace Librato.Emulator.Reading;

/// <summary>How series are combined into one: the legacy <c>group_by</c> and the tagged <c>group_by_function</c>.</summary>
internal enum GroupFunction
{
    Sum,
    Min,
    Max,
    Mean,

    /// <summary>Legacy only: how many sources had a value.</summary>
    Count,
}
