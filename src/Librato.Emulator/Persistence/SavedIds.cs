namespace Librato.Emulator.Persistence;

/// <summary>The last resource id an account handed out, so ids of deleted resources are not handed out again after a restart.</summary>
internal sealed record SavedIds(long Last);
