using System;
using System.Text;
using Librato.Emulator.Storage;
using Microsoft.AspNetCore.Http;

namespace Librato.Emulator.Hosting;

/// <summary>
/// HTTP Basic authentication with the account email as user and the API token as password; in AppOptics mode the
/// token alone (see <see cref="AppOpticsCredentials"/>).
/// </summary>
internal static class BasicAuthenticator
{
    public const string Challenge = "Basic realm=\"Librato API\"";

    public static AuthOutcome Authenticate(HttpRequest request, EmulatorState state, out AccountStore? account, out ApiTokenEntry? token)
    {
        account = null;
        token = null;
        string header = request.Headers.Authorization.ToString();
        if (!header.StartsWith("Basic ", StringComparison.OrdinalIgnoreCase))
        {
            return AuthOutcome.MissingCredentials;
        }

        string decoded;
        try
        {
            decoded = Encoding.UTF8.GetString(Convert.FromBase64String(header.Substring(6).Trim()));
        }
        catch (FormatException)
        {
            return AuthOutcome.BadCredentials;
        }

        // Tokens may contain ':' but emails cannot, so the first colon separates the two.
        int colon = decoded.IndexOf(':');
        if (colon < 0)
        {
            return AuthOutcome.BadCredentials;
        }

        account = state.AppOptics
            ? AppOpticsCredentials.Authenticate(decoded, state, out token)
            : state.Authenticate(decoded.Substring(0, colon), decoded.Substring(colon + 1), out token);
        if (account is null)
        {
            return AuthOutcome.BadCredentials;
        }

        return token!.Active ? AuthOutcome.Authenticated : AuthOutcome.InactiveToken;
    }
}
