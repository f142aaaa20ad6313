using System;
using System.Threading.Tasks;
using Microsoft.AspNetCore.Http;

namespace Librato.Emulator.Resources;

/// <summary><c>DELETE</c> of a resource named by the numeric <c>id</c> route segment.</summary>
internal static class ResourceDelete
{
    /// <summary>
    /// 204 when <paramref name="remove"/> (run under the account's gate) took the resource away; 404 with
    /// <paramref name="notFound"/> when the id is malformed or names nothing.
    /// </summary>
    public static Task ByIdAsync(HttpContext context, string notFound, Func<AccountResources, long, bool> remove)
    {
        var resources = Respond.Resources(context);
        bool removed = false;
        if (RouteIds.TryGet(context, "id", out long id))
        {
            lock (resources.Gate)
            {
                removed = remove(resources, id);
            }
        }

        return removed ? Respond.NoContent(context) : Respond.NotFound(context, notFound);
    }
}
