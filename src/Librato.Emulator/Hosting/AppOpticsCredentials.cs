using System;
using Librato.Emulator.Storage;

namespace Librato.Emulator.Hosting;

/// <summary>
/// AppOptics' Basic credentials: the token as user name with an empty password (<c>curl -u $TOKEN:</c>), or the
/// user name <c>token</c> with the token as password (the Go client's way). An account email is not a user name
/// there, so <c>email:token</c> is refused.
/// </summary>
internal static class AppOpticsCredentials
{
    public const string TokenUser = "token";

    /// <summary>The account of the token in <paramref name="decoded"/> ("user:password"), or null.</summary>
    public static AccountStore? Authenticate(string decoded, EmulatorState state, out ApiTokenEntry? token)
    {
        token = null;
        string? candidate = null;
        if (decoded.EndsWith(":", StringComparison.Ordinal) && decoded.Length > 1)
        {
            // The token may itself hold ':'; only the last one, before the empty password, separates.
            candidate = decoded.Substring(0, decoded.Length - 1);
        }
        else if (decoded.StartsWith(TokenUser + ":", StringComparison.Ordinal) && decoded.Length > TokenUser.Length + 1)
        {
            candidate = decoded.Substring(TokenUser.Length + 1);
        }

        return candidate is null ? null : state.AuthenticateToken(candidate, out token);
    }
}
