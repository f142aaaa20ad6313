namespace Librato.PowerShell
{
    /// <summary>Stable activity ids, so a host shows one bar per kind of work and scripts can tell them apart.</summary>
    internal static class ProgressIds
    {
        public const int Send = 9_401;
        public const int ListMetrics = 9_402;
        public const int ReadMeasurements = 9_403;
        public const int ReadAnnotations = 9_404;
        public const int ListAnnotationStreams = 9_405;
        public const int ListAlerts = 9_406;
        public const int ListServices = 9_407;
        public const int ListSpaces = 9_408;
        public const int ListCharts = 9_409;
        public const int DeliverOutbox = 9_410;
        public const int SubmitQueue = 9_411;
        public const int DrawMetric = 9_412;
        public const int Connect = 9_413;
        public const int Retry = 9_414;
    }
}
