namespace Librato.Emulator;

/// <summary>Counts for one metric: its series and the points they hold.</summary>
public sealed record EmulatorMetricStats(int Series, long Measurements);
