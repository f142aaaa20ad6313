namespace Librato.PowerShell
{
    /// <summary>Stable activity ids, so a host shows one bar per kind of work and scripts can tell them apart.</summary>
    internal static class ProgressIds
    {
        public const int Send = 9_401;
        public const int ListMetrics = 9_402;
    }
}
