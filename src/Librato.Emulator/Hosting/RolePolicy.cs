using System;
using Microsoft.AspNetCore.Http;

namespace Librato.Emulator.Hosting;

/// <summary>
/// What each token role may do. Viewers read; recorders also submit measurements and post annotations; admins do
/// everything.
/// </summary>
internal static class RolePolicy
{
    public static bool IsPermitted(EmulatorTokenRole role, string method, PathString path)
    {
        if (role == EmulatorTokenRole.Admin || HttpMethods.IsGet(method) || HttpMethods.IsHead(method))
        {
            return true;
        }

        if (role != EmulatorTokenRole.Recorder || !HttpMethods.IsPost(method))
        {
            return false;
        }

        return path.Equals("/v1/metrics", StringComparison.OrdinalIgnoreCase) ||
               path.Equals("/v1/measurements", StringComparison.OrdinalIgnoreCase) ||
               path.StartsWithSegments("/v1/annotations", StringComparison.OrdinalIgnoreCase);
    }
}
