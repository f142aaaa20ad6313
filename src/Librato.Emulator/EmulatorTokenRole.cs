namespace Librato.Emulator;

/// <summary>What an API token may do, as Librato's token roles define it.</summary>
public enum EmulatorTokenRole
{
    /// <summary>Everything.</summary>
    Admin,

    /// <summary>Reads, measurement submissions and annotations.</summary>
    Recorder,

    /// <summary>Reads only.</summary>
    Viewer,
}
