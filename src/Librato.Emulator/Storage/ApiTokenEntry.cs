using System.Text;
using System.Threading;

namespace Librato.Emulator.Storage;

/// <summary>
/// One token an account accepts. Role, activity and name can change while the emulator runs (an API token
/// route updates them), so they are read and written atomically.
/// </summary>
internal sealed class ApiTokenEntry
{
    private int role;
    private int active;
    private string? name;

    public ApiTokenEntry(int id, string token, EmulatorTokenRole role, bool active, string? name)
    {
        Id = id;
        Token = token;
        TokenBytes = Encoding.UTF8.GetBytes(token);
        this.role = (int)role;
        this.active = active ? 1 : 0;
        this.name = name;
    }

    /// <summary>Unique within the account, never reused while the emulator runs.</summary>
    public int Id { get; }

    public string Token { get; }

    /// <summary>The token as UTF-8, kept so authentication compares without allocating.</summary>
    public byte[] TokenBytes { get; }

    public EmulatorTokenRole Role
    {
        get => (EmulatorTokenRole)Volatile.Read(ref role);
        set => Volatile.Write(ref role, (int)value);
    }

    public bool Active
    {
        get => Volatile.Read(ref active) != 0;
        set => Volatile.Write(ref active, value ? 1 : 0);
    }

    public string? Name
    {
        get => Volatile.Read(ref name);
        set => Volatile.Write(ref name, value);
    }
}
