namespace Librato.Emulator.Storage;

/// <summary>A legacy source: its name as first seen and its optional display name.</summary>
internal sealed class SourceRecord
{
    private volatile string? displayName;

    public SourceRecord(string name, string? displayName)
    {
        Name = name;
        this.displayName = displayName;
    }

    public string Name { get; }

    public string? DisplayName
    {
        get => displayName;
        set => displayName = value;
    }
}
