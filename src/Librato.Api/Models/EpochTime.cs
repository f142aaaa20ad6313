using System;
using System.Globalization;

namespace Librato.Api
{
    /// <summary>Conversions between the API's epoch seconds and .NET times.</summary>
    public static class EpochTime
    {
        /// <summary>The latest time a measurement can carry: the last second of the year 9999, where .NET's times end.</summary>
        public const long Latest = 253402300799;

        private static readonly DateTime Epoch = new DateTime(1970, 1, 1, 0, 0, 0, DateTimeKind.Utc);

        // Read once per measurement sent: whole seconds from ticks, without the TimeSpan and floating point of FromDateTime.
        public static long Now() => (DateTime.UtcNow.Ticks - Epoch.Ticks) / TimeSpan.TicksPerSecond;

        /// <summary>The time of <paramref name="seconds"/>; out of 0 to <see cref="Latest"/>, the nearest end of that range.</summary>
        public static DateTime ToDateTime(long seconds) => Epoch.AddSeconds(seconds < 0 ? 0 : seconds > Latest ? Latest : seconds);

        public static long FromDateTime(DateTime time)
        {
            // Unspecified times are local, as PowerShell parses them from strings.
            var utc = time.Kind == DateTimeKind.Utc ? time : time.ToUniversalTime();
            return (long)Math.Floor((utc - Epoch).TotalSeconds);
        }

        public static long FromDateTimeOffset(DateTimeOffset time) => FromDateTime(time.UtcDateTime);

        /// <summary>Whether epoch seconds name a time a measurement can carry (from 1970 to the end of 9999).</summary>
        public static bool IsInRange(double seconds) => seconds >= 0 && seconds <= Latest;

        /// <summary>
        /// Says what an epoch number out of range most likely is: milliseconds, microseconds or nanoseconds since 1970
        /// (what JavaScript, Java and Go clocks give), or a time before 1970.
        /// </summary>
        public static string DescribeOutOfRange(double seconds)
        {
            if (double.IsNaN(seconds) || double.IsInfinity(seconds))
            {
                return "it is not a finite number";
            }

            if (seconds < 0)
            {
                return "as epoch seconds it lies before 1970, where epoch time starts";
            }

            foreach (var (divisor, unit) in new[] { (1e3, "milliseconds"), (1e6, "microseconds"), (1e9, "nanoseconds") })
            {
                if (IsInRange(seconds / divisor))
                {
                    var time = ToDateTime((long)Math.Floor(seconds / divisor)).ToString("yyyy-MM-dd HH:mm:ss'Z'", CultureInfo.InvariantCulture);
                    return $"as epoch seconds it lies past the year 9999; it looks like epoch {unit} ({time}): divide it by {divisor.ToString("N0", CultureInfo.InvariantCulture)}";
                }
            }

            return "as epoch seconds it lies past the year 9999";
        }
    }
}
