using System;
using System.Globalization;
using System.Text;

namespace Librato.Emulator.Bench;

/// <summary>
/// Pre-serialized submission bodies. Every measurement of a run lands on its own (series, time) pair, so the
/// stored count must equal the sent count: nothing may be merged by same-time replacement.
/// </summary>
internal static class Workload
{
    /// <summary>Metrics per batch; a batch cycles through them so consecutive measurements hit different series.</summary>
    public const int MetricsPerBatch = 10;

    /// <summary>Hosts (tagged) or sources (legacy); batch j belongs to host j modulo this.</summary>
    public const int Hosts = 50;

    public static byte[][] Tagged(string prefix, int batches, int size, long firstTime) =>
        Build(batches, size, firstTime, (body, batch, _) =>
        {
            body.Append("{\"measurements\":[");
            return "]}";
        }, (body, batch, i, time, value) =>
        {
            body.Append("{\"name\":\"").Append(prefix).Append(i % MetricsPerBatch)
                .Append("\",\"value\":").Append(value.ToString("R", CultureInfo.InvariantCulture))
                .Append(",\"time\":").Append(time)
                .Append(",\"tags\":{\"host\":\"h-").Append(batch % Hosts).Append("\",\"region\":\"us-east-1\"}}");
        });

    public static byte[][] Legacy(string prefix, int batches, int size, long firstTime) =>
        Build(batches, size, firstTime, (body, batch, _) =>
        {
            body.Append("{\"gauges\":[");
            return "]}";
        }, (body, batch, i, time, value) =>
        {
            body.Append("{\"name\":\"").Append(prefix).Append(i % MetricsPerBatch)
                .Append("\",\"value\":").Append(value.ToString("R", CultureInfo.InvariantCulture))
                .Append(",\"measure_time\":").Append(time)
                .Append(",\"source\":\"h-").Append(batch % Hosts).Append("\"}");
        });

    /// <summary>The span of seconds one series receives over <paramref name="batches"/> batches.</summary>
    public static long Seconds(int batches, int size) => ((batches / Hosts) + 1) * (long)((size / MetricsPerBatch) + 1);

    private static byte[][] Build(
        int batches,
        int size,
        long firstTime,
        Func<StringBuilder, int, int, string> open,
        Action<StringBuilder, int, int, long, double> measurement)
    {
        var bodies = new byte[batches][];
        var random = new Random(42);
        long perBatch = (size / MetricsPerBatch) + 1;
        var body = new StringBuilder(size * 100);
        for (int batch = 0; batch < batches; batch++)
        {
            body.Clear();
            string close = open(body, batch, size);
            long batchTime = firstTime + ((batch / Hosts) * perBatch);
            for (int i = 0; i < size; i++)
            {
                if (i > 0)
                {
                    body.Append(',');
                }

                double value = Math.Round(random.NextDouble() * 1000, 3);
                measurement(body, batch, i, batchTime + (i / MetricsPerBatch), value);
            }

            body.Append(close);
            bodies[batch] = Encoding.UTF8.GetBytes(body.ToString());
        }

        return bodies;
    }
}
