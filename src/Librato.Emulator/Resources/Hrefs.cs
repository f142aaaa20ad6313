using Microsoft.AspNetCore.Http;

namespace Librato.Emulator.Resources;

/// <summary>Absolute links for the bodies that carry an <c>href</c> (snapshots, jobs, API tokens).</summary>
internal static class Hrefs
{
    /// <summary>The address the client used to reach the emulator, followed by <paramref name="path"/>.</summary>
    public static string Absolute(HttpContext context, string path) =>
        context.Request.Scheme + "://" + context.Request.Host.Value + path;
}
