namespace Librato.Emulator.Storage;

internal static class MetricTypeNames
{
    public static string ToApiName(this MetricType type) => type switch
    {
        MetricType.Gauge => "gauge",
        MetricType.Counter => "counter",
        _ => "composite",
    };

    public static bool TryParse(string? text, out MetricType type)
    {
        switch (text)
        {
            case "gauge":
                type = MetricType.Gauge;
                return true;
            case "counter":
                type = MetricType.Counter;
                return true;
            case "composite":
                type = MetricType.Composite;
                return true;
            default:
                type = MetricType.Gauge;
                return false;
        }
    }
}
