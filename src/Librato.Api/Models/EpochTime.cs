using System;

namespace Librato.Api
{
    /// <summary>Conversions between the API's epoch seconds and .NET times.</summary>
    public static class EpochTime
    {
        private static readonly DateTime Epoch = new DateTime(1970, 1, 1, 0, 0, 0, DateTimeKind.Utc);

        // Read once per measurement sent: whole seconds from ticks, without the TimeSpan and floating point of FromDateTime.
        public static long Now() => (DateTime.UtcNow.Ticks - Epoch.Ticks) / TimeSpan.TicksPerSecond;

        public static DateTime ToDateTime(long seconds) => Epoch.AddSeconds(seconds);

        public static long FromDateTime(DateTime time)
        {
            // Unspecified times are local, as PowerShell parses them from strings.
            var utc = time.Kind == DateTimeKind.Utc ? time : time.ToUniversalTime();
            return (long)Math.Floor((utc - Epoch).TotalSeconds);
        }

        public static long FromDateTimeOffset(DateTimeOffset time) => FromDateTime(time.UtcDateTime);
    }
}
