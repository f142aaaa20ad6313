using System.Text;

namespace Librato.Emulator.Storage;

/// <summary>
/// One token an account accepts, as it is at one moment: a change (a new role, deactivation) replaces the entry
/// in <see cref="TokenRegistry"/> rather than altering it, so a request sees one consistent version of its token.
/// </summary>
internal sealed class ApiTokenEntry
{
    private ApiTokenEntry(long id, string token, byte[] tokenBytes, EmulatorTokenRole role, bool active, string? name,
        bool configured, long createdAt, long updatedAt)
    {
        Id = id;
        Token = token;
        TokenBytes = tokenBytes;
        Role = role;
        Active = active;
        Name = name;
        Configured = configured;
        CreatedAt = createdAt;
        UpdatedAt = updatedAt;
    }

    /// <summary>The id of a token created through <c>/v1/api_tokens</c>; 0 for a configured token, which has none.</summary>
    public long Id { get; }

    public string Token { get; }

    /// <summary>The token as UTF-8, kept so authentication compares without allocating.</summary>
    public byte[] TokenBytes { get; }

    public EmulatorTokenRole Role { get; }

    public bool Active { get; }

    public string? Name { get; }

    /// <summary>
    /// Given with <c>--user</c>/<c>--token</c>, <c>--config</c> or <see cref="EmulatorOptions"/>, rather than created
    /// through <c>/v1/api_tokens</c>; such tokens are not part of that resource and survive a reset.
    /// </summary>
    public bool Configured { get; }

    /// <summary>Epoch seconds; 0 for a configured token.</summary>
    public long CreatedAt { get; }

    public long UpdatedAt { get; }

    public static ApiTokenEntry FromConfiguration(EmulatorToken token) =>
        new(0, token.Token, Encoding.UTF8.GetBytes(token.Token), token.Role, token.Active, token.Name, true, 0, 0);

    public static ApiTokenEntry Created(long id, string token, EmulatorTokenRole role, bool active, string? name, long createdAt, long updatedAt) =>
        new(id, token, Encoding.UTF8.GetBytes(token), role, active, name, false, createdAt, updatedAt);

    /// <summary>This token with another name, role or activity, changed at <paramref name="updatedAt"/>.</summary>
    public ApiTokenEntry With(string? name, EmulatorTokenRole role, bool active, long updatedAt) =>
        new(Id, Token, TokenBytes, role, active, name, Configured, CreatedAt, updatedAt);
}
