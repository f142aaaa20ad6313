using System.Runtime.CompilerServices;

namespace Librato
{
    /// <summary>
    /// Marks the methods every pipeline object passes through. .NET (Core) first compiles a method quickly and
    /// optimizes it only after it has run a while, which for a send of a few hundred thousand objects is most of
    /// the send; these are compiled optimized from the start. .NET Framework ignores the flag (it always optimizes).
    /// </summary>
    internal static class HotPath
    {
        // MethodImplOptions.AggressiveOptimization, which netstandard2.0 does not name.
        public const MethodImplOptions Optimized = (MethodImplOptions)512;
    }
}
