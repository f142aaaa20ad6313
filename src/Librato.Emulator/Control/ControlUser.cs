using System.Threading.Tasks;
using Librato.Emulator.Http;
using Librato.Emulator.Reading;
using Librato.Emulator.Storage;
using Microsoft.AspNetCore.Http;

namespace Librato.Emulator.Control;

/// <summary>The <c>user</c> query parameter of the control routes, which picks the account they act on.</summary>
internal static class ControlUser
{
    public static string? Get(HttpContext context) => QueryParams.GetString(context.Request.Query, "user");

    /// <summary>The named account, or the first account when no user is given; null when the name is unknown.</summary>
    public static AccountStore? FindOrDefault(EmulatorState state, HttpContext context, out string? user)
    {
        user = Get(context);
        return user is null ? state.DefaultStore : state.FindStore(user);
    }

    public static Task UnknownAsync(HttpContext context, string? user) =>
        JsonResponse.RequestErrorAsync(context, StatusCodes.Status404NotFound, $"No account '{user}' is configured");
}
