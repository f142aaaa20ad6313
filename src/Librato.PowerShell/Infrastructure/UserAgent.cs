using System;
using System.Runtime.InteropServices;

namespace Librato.PowerShell
{
    /// <summary>The User-Agent the API records as a metric's <c>created_by_ua</c>.</summary>
    internal static class UserAgent
    {
        public static readonly string Value =
            "Librato.PowerShell/" + typeof(UserAgent).Assembly.GetName().Version!.ToString(3) +
            " (" + RuntimeInformation.FrameworkDescription.Replace('(', '[').Replace(')', ']') + "; " +
            RuntimeInformation.OSArchitecture.ToString().ToLowerInvariant() + "-" + Os() + ")";

        private static string Os() =>
            RuntimeInformation.IsOSPlatform(OSPlatform.Windows) ? "windows"
            : RuntimeInformation.IsOSPlatform(OSPlatform.OSX) ? "macos"
            : "linux";
    }
}
