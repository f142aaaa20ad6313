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

        /// <summary>
        /// A window in a heading, its offset said once: <c>2026-12-07 17:34:00 to 18:34:20 -06:00</c>, with the end's
        /// date only when it is another day.
        /// </summary>
        public static string Range(DateTime start, DateTime end)
        {
            var from = Local(start);
            var to = Local(end);
            var endText = from.Date == to.Date && from.Offset == to.Offset
                ? to.ToString("HH:mm:ss", CultureInfo.InvariantCulture)
                : to.ToString("yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture);
            return from.ToString("yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture) + " to " + endText + " " + to.ToString("zzz", CultureInfo.InvariantCulture);
        }

        /// <summary>A time in a table cell, in the zone its heading names: <c>2026-12-07 15:18:18</c>.</summary>
        public static string Cell(DateTime time) => Local(time).ToString("yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture);

        /// <summary>The heading over a table's times: <c>Times in UTC-06:00 (America/Chicago)</c>; it changes where the offset does.</summary>
        public static string Zone(DateTime time)
        {
            var name = TimeZoneInfo.Local.Id;
            var utc = UtcOffset(Local(time));
            return name == "UTC" || name == "Etc/UTC" || string.IsNullOrEmpty(name) ? "Times in " + utc : $"Times in {utc} ({name})";
        }

        /// <summary>A local time's offset as <c>UTC</c>, <c>UTC-06:00</c> or <c>UTC+05:30</c>.</summary>
        public static string UtcOffset(DateTimeOffset local) =>
            local.Offset == TimeSpan.Zero
                ? "UTC"
                : "UTC" + (local.Offset < TimeSpan.Zero ? "-" : "+") + local.Offset.ToString(@"hh\:mm", CultureInfo.InvariantCulture);

        /// <summary>Epoch seconds on this machine's clock.</summary>
        public static DateTimeOffset LocalEpoch(long seconds) => Local(EpochTime.ToDateTime(seconds));

        // Unspecified times are local, as PowerShell parses them from strings; the API's times are UTC.
        internal static DateTimeOffset Local(DateTime time) =>
            new DateTimeOffset(time.Kind == DateTimeKind.Unspecified ? DateTime.SpecifyKind(time, DateTimeKind.Local) : time).ToLocalTime();
    }
}
