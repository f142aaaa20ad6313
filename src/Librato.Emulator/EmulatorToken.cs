namespace Librato.Emulator;

/// <summary>An API token of an account: the HTTP Basic password, with the role that limits what it may do.</summary>
/// <param name="Token">The secret itself.</param>
/// <param name="Role">What requests made with it may do.</param>
/// <param name="Active">An inactive token is refused with 401.</param>
/// <param name="Name">A label, as API tokens carry one; null when none was given.</param>
public sealed record EmulatorToken(string Token, EmulatorTokenRole Role = EmulatorTokenRole.Admin, bool Active = true, string? Name = null);
