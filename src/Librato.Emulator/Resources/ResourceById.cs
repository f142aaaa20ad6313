using System;
using System.Text.Json;
using System.Threading.Tasks;
using Microsoft.AspNetCore.Http;

namespace Librato.Emulator.Resources;

/// <summary>
/// Routes on a resource named by the numeric <c>id</c> segment. A malformed id names nothing, so it is the same 404
/// as an id that names no resource.
/// </summary>
internal static class ResourceById
{
    /// <summary>The resource <paramref name="find"/> (run under the account's gate) gives, or null.</summary>
    public static T? Find<T>(HttpContext context, Func<AccountResources, long, T?> find)
        where T : class =>
        TryRun(context, find, out var found) ? found : null;

    /// <summary>200 with the resource as <paramref name="write"/> writes it; 404 with <paramref name="notFound"/>.</summary>
    public static Task ShowAsync<T>(HttpContext context, string notFound, Func<AccountResources, long, T?> find, Action<Utf8JsonWriter, T> write)
        where T : class
    {
        var item = Find(context, find);
        return item is null ? Respond.NotFound(context, notFound) : Respond.Ok(context, writer => write(writer, item));
    }

    /// <summary>204 when <paramref name="remove"/> (run under the account's gate) took the resource away; 404 with <paramref name="notFound"/>.</summary>
    public static Task DeleteAsync(HttpContext context, string notFound, Func<AccountResources, long, bool> remove)
    {
        bool removed = TryRun(context, remove, out bool result) && result;
        return removed ? Respond.NoContent(context) : Respond.NotFound(context, notFound);
    }

    private static bool TryRun<T>(HttpContext context, Func<AccountResources, long, T> action, out T result)
    {
        result = default!;
        if (!RouteIds.TryGet(context, "id", out long id))
        {
            return false;
        }

        var resources = Respond.Resources(context);
        lock (resources.Gate)
        {
            result = action(resources, id);
        }

        return true;
    }
}
