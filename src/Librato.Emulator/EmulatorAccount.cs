namespace Librato.Emulator;

/// <summary>An account the emulator accepts: HTTP Basic user <paramref name="Email"/>, password <paramref name="Token"/>.</summary>
public sealed record EmulatorAccount(string Email, string Token)
{
    /// <summary>The account used when none is configured.</summary>
    public static EmulatorAccount Default { get; } = new("demo@example.com", "demo-token");
}
