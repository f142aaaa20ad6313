using System;
using System.Collections.Generic;

namespace Librato.Emulator;

/// <summary>An account the emulator accepts: HTTP Basic user <paramref name="Email"/>, password <paramref name="Token"/>.</summary>
/// <param name="Email">The account's user name.</param>
/// <param name="Token">The account's first token; <see cref="Role"/> and <see cref="Active"/> describe it.</param>
public sealed record EmulatorAccount(string Email, string Token)
{
    /// <summary>The account used when none is configured.</summary>
    public static EmulatorAccount Default { get; } = new("demo@example.com", "demo-token");

    /// <summary>The role of <see cref="Token"/>; admin unless set.</summary>
    public EmulatorTokenRole Role { get; init; } = EmulatorTokenRole.Admin;

    /// <summary>Whether <see cref="Token"/> is accepted; an inactive token is refused with 401.</summary>
    public bool Active { get; init; } = true;

    /// <summary>The label of <see cref="Token"/>, or null.</summary>
    public string? TokenName { get; init; }

    /// <summary>Further tokens of the account, each with its own role.</summary>
    public IReadOnlyList<EmulatorToken> OtherTokens { get; init; } = Array.Empty<EmulatorToken>();

    /// <summary>This account's own request limit; null to use the emulator-wide one.</summary>
    public EmulatorRateLimit? RateLimit { get; init; }

    /// <summary><see cref="Token"/> followed by <see cref="OtherTokens"/>.</summary>
    public IEnumerable<EmulatorToken> AllTokens()
    {
        yield return new EmulatorToken(Token, Role, Active, TokenName);
        foreach (var token in OtherTokens)
        {
            yield return token;
        }
    }
}
