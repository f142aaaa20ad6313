using System;
using System.Globalization;
using Librato.Api;

namespace Librato.PowerShell
{
    /// <summary>
    /// Times as the user's clock shows them: local, in messages with the offset that makes them unambiguous, in
    /// tables under a heading that names the zone once. The format views call these.
    /// </summary>
    public static class DisplayTime
    {
        /// <summary>A time in messages: <c>2026-12-07 15:18:18 -06:00</c>.</summary>
        public static string Format(DateTime time) =>
            Local(time).ToString("yyyy-MM-dd HH:mm:ss zzz", CultureInfo.InvariantCulture);

        public static string Cell(DateTimeOffset time) => Cell(time.UtcDateTime);

        public static string Zone(DateTimeOffset time) => Zone(time.UtcDateTime);

        public static string FormatEpoch(long seconds) => Format(EpochTime.ToDateTime(seconds));

        /// <summary>A time in a table cell, in the zone its heading names: <c>2026-12-07 15:18:18</c>.</summary>
        public static string Cell(DateTime time) => Local(time).ToString("yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture);

        /// <summary>The heading over a table's times: <c>Times in UTC-06:00 (America/Chicago)</c>; it changes where the offset does.</summary>
        public static string Zone(DateTime time)
        {
            var offset = Local(time).Offset;
            var sign = offset < TimeSpan.Zero ? "-" : "+";
            var name = TimeZoneInfo.Local.Id;
            var utc = offset == TimeSpan.Zero ? "UTC" : "UTC" + sign + offset.ToString(@"hh\:mm", CultureInfo.InvariantCulture);
            return name == "UTC" || name == "Etc/UTC" || string.IsNullOrEmpty(name) ? "Times in " + utc : $"Times in {utc} ({name})";
        }

        // Unspecified times are local, as PowerShell parses them from strings; the API's times are UTC.
        private static DateTimeOffset Local(DateTime time) =>
            new DateTimeOffset(time.Kind == DateTimeKind.Unspecified ? DateTime.SpecifyKind(time, DateTimeKind.Local) : time).ToLocalTime();
    }
}
