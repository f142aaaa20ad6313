namespace Librato.Emulator.Spaces;

/// <summary>A big-number chart threshold such as <c>{"operator":">","value":90,"type":"red"}</c>.</summary>
internal sealed record ChartThreshold(string Operator, double Value, string Type);
