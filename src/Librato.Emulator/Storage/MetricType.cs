namespace Librato.Emulator.Storage;

internal enum MetricType
{
    Gauge,
    Counter,
    Composite,
}
