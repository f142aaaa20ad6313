namespace Librato.Api
{
    /// <summary>
    /// How the trace lines that a caller may show as progress begin: the wait before a retry, then the retry's request
    /// going out. Other lines are for -Verbose only.
    /// </summary>
    public static class TraceLines
    {
        public const string Retry = "Retrying ";

        public const string Attempt = "Attempt ";
    }
}
