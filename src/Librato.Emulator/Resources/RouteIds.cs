using System.Globalization;
using Microsoft.AspNetCore.Http;

namespace Librato.Emulator.Resources;

/// <summary>Numeric ids in route segments. A segment that is not a positive integer names nothing, so it is a 404.</summary>
internal static class RouteIds
{
    public static bool TryGet(HttpContext context, string key, out long id)
    {
        id = 0;
        return context.Request.RouteValues[key] is string text &&
               long.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out id) && id > 0;
    }

    public static string Text(HttpContext context, string key) => (string)context.Request.RouteValues[key]!;
}
