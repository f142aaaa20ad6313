using Librato.Emulator.Alerts;

namespace Librato.Emulator.Persistence;

/// <summary>An alert with its firing state, as the data file keeps it.</summary>
internal sealed record SavedAlert(Alert Alert, AlertState State);
