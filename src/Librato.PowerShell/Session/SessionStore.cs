using System.Threading;

namespace Librato.PowerShell
{
    /// <summary>
    /// The process-wide default session set by Connect-Librato, so that runspaces started by
    /// ForEach-Object -Parallel or jobs in the same process share it.
    /// </summary>
    internal static class SessionStore
    {
        private static LibratoSession? current;

        public static LibratoSession? Current => Volatile.Read(ref current);

        /// <summary>Makes <paramref name="session"/> the default and returns the one it replaced.</summary>
        public static LibratoSession? Replace(LibratoSession? session) => Interlocked.Exchange(ref current, session);
    }
}
