namespace Librato.Emulator.Hosting;

internal enum AuthOutcome
{
    Authenticated,
    MissingCredentials,
    BadCredentials,
    InactiveToken,
}
