using System;
using System.Collections.Generic;
using System.IO;
using System.Reflection;
using System.Runtime.InteropServices;

namespace Librato.PowerShell
{
    /// <summary>
    /// Decides which failed assembly loads the module answers with a file from its own folder.
    /// </summary>
    /// <remarks>
    /// Windows PowerShell 5.1 has no binding redirects for the module's dependencies, so a shipped assembly asking
    /// for an older version of another (System.Memory for System.Runtime.CompilerServices.Unsafe 4.0.4.1 where
    /// 6.0.0.0 ships) fails to bind. The answer is the shipped file, and only for the module's own assemblies:
    /// other modules and the host keep whatever binding they get, and on PowerShell 7 the runtime's newer in-box
    /// assemblies always win over the copies shipped for 5.1.
    /// </remarks>
    internal sealed class DependencyResolver
    {
        private static readonly StringComparison PathComparison =
            RuntimeInformation.IsOSPlatform(OSPlatform.Windows) || RuntimeInformation.IsOSPlatform(OSPlatform.OSX)
                ? StringComparison.OrdinalIgnoreCase
                : StringComparison.Ordinal;

        private readonly string moduleDirectory;
        private readonly bool isCore;
        private readonly Func<string, bool> runtimeProvides;
        private readonly Func<string, AssemblyName?> readName;

        public DependencyResolver(string moduleDirectory, bool isCore, Func<string, bool> runtimeProvides, Func<string, AssemblyName?> readName)
        {
            this.moduleDirectory = Normalize(moduleDirectory);
            this.isCore = isCore;
            this.runtimeProvides = runtimeProvides;
            this.readName = readName;
        }

        /// <summary>The resolver for the running process and the folder this assembly was loaded from.</summary>
        public static DependencyResolver ForCurrentProcess()
        {
            var directory = Path.GetDirectoryName(typeof(DependencyResolver).Assembly.Location) ?? string.Empty;
            var isCore = !RuntimeInformation.FrameworkDescription.StartsWith(".NET Framework", StringComparison.OrdinalIgnoreCase);
            var platform = isCore ? TrustedPlatformAssemblies() : new HashSet<string>();
            return new DependencyResolver(directory, isCore, platform.Contains, ReadName);
        }

        /// <summary>The path of the module file that answers the request, or null when the module stays out of it.</summary>
        /// <param name="requested">The assembly that failed to load.</param>
        /// <param name="requestingLocation">Where the assembly that asked for it was loaded from; null when unknown.</param>
        public string? Resolve(AssemblyName requested, string? requestingLocation)
        {
            var name = requested.Name;
            if (string.IsNullOrEmpty(name) || !IsPlainFileName(name!))
            {
                return null;
            }

            // Satellite resources fall back to the neutral culture by design; answering them would hide that.
            if (!string.IsNullOrEmpty(requested.CultureName))
            {
                return null;
            }

            if (string.IsNullOrEmpty(requestingLocation) || !IsInModuleDirectory(requestingLocation!))
            {
                return null;
            }

            if (isCore && runtimeProvides(name!))
            {
                return null;
            }

            var candidate = Path.Combine(moduleDirectory, name + ".dll");
            var shipped = readName(candidate);
            if (shipped is null || !string.Equals(shipped.Name, name, StringComparison.OrdinalIgnoreCase))
            {
                return null;
            }

            if (!SameToken(requested.GetPublicKeyToken(), shipped.GetPublicKeyToken()))
            {
                return null;
            }

            // Like a binding redirect, only ever upwards: an older file than the one asked for may lack what is used.
            if (requested.Version is not null && (shipped.Version is null || shipped.Version < requested.Version))
            {
                return null;
            }

            return candidate;
        }

        /// <summary>The simple names the runtime loads from its own list (on .NET: the framework and the host's files).</summary>
        public static HashSet<string> TrustedPlatformAssemblies()
        {
            var names = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
            if (AppContext.GetData("TRUSTED_PLATFORM_ASSEMBLIES") is string list)
            {
                foreach (var path in list.Split(new[] { Path.PathSeparator }, StringSplitOptions.RemoveEmptyEntries))
                {
                    names.Add(Path.GetFileNameWithoutExtension(path));
                }
            }

            return names;
        }

        /// <summary>The assembly name of a file, or null when it is missing or not an assembly.</summary>
        public static AssemblyName? ReadName(string path)
        {
            if (!File.Exists(path))
            {
                return null;
            }

            try
            {
                return AssemblyName.GetAssemblyName(path);
            }
            catch (Exception e) when (e is BadImageFormatException || e is IOException || e is UnauthorizedAccessException)
            {
                return null;
            }
        }

        private bool IsInModuleDirectory(string location)
        {
            string? directory;
            try
            {
                directory = Path.GetDirectoryName(Path.GetFullPath(location));
            }
            catch (Exception e) when (e is ArgumentException || e is NotSupportedException || e is PathTooLongException)
            {
                return false;
            }

            return directory is not null && moduleDirectory.Length > 0 && string.Equals(Normalize(directory), moduleDirectory, PathComparison);
        }

        private static bool IsPlainFileName(string name) =>
            name.IndexOfAny(Path.GetInvalidFileNameChars()) < 0
            && name.IndexOf('/') < 0 && name.IndexOf('\\') < 0
            && name != "." && name != "..";

        private static bool SameToken(byte[]? requested, byte[]? shipped)
        {
            requested ??= Array.Empty<byte>();
            shipped ??= Array.Empty<byte>();
            if (requested.Length != shipped.Length)
            {
                return false;
            }

            for (var i = 0; i < requested.Length; i++)
            {
                if (requested[i] != shipped[i])
                {
                    return false;
                }
            }

            return true;
        }

        private static string Normalize(string directory) =>
            directory.Length == 0 ? directory : Path.GetFullPath(directory).TrimEnd(Path.DirectorySeparatorChar, Path.AltDirectorySeparatorChar);
    }
}
