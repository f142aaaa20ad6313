namespace Librato.Emulator.Alerts;

/// <summary>
/// Whether an alert is firing. <see cref="Manual"/> marks a trigger from the control API, which stays until the
/// alert is cleared; a trigger found in the data clears itself once the data no longer meets the conditions.
/// After a clear, only measurements later than <see cref="IgnoreDataUntil"/> can trigger the alert again.
/// </summary>
internal sealed record AlertState(bool Firing, long? TriggeredAt, long? ClearedAt, bool Manual, long IgnoreDataUntil)
{
    public static AlertState Initial { get; } = new(false, null, null, false, long.MinValue);
}
