namespace Librato.Emulator.Persistence;

/// <summary>A token created through <c>/v1/api_tokens</c>, as the data file keeps it; <see cref="Role"/> is the API's name.</summary>
internal sealed record SavedApiToken(long Id, string? Name, string Token, string Role, bool Active, long CreatedAt, long UpdatedAt);
