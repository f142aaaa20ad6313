using System;
using System.Globalization;

namespace Librato.Emulator.Resources;

/// <summary>The two text forms of a time that resource bodies use besides plain epoch seconds.</summary>
internal static class ResourceTimes
{
    /// <summary><c>2016-02-20T01:18:46Z</c>, as snapshots show their times.</summary>
    public static string Iso(long epochSeconds) =>
        DateTimeOffset.FromUnixTimeSeconds(epochSeconds).UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture);

    /// <summary><c>2013-02-01 18:53:38 UTC</c>, as API tokens show their times.</summary>
    public static string Utc(long epochSeconds) =>
        DateTimeOffset.FromUnixTimeSeconds(epochSeconds).UtcDateTime.ToString("yyyy-MM-dd HH:mm:ss 'UTC'", CultureInfo.InvariantCulture);

    /// <summary>Reads an ISO 8601 time such as <c>2016-02-20T01:18:46Z</c> as epoch seconds.</summary>
    public static bool TryParseIso(string text, out long epochSeconds)
    {
        if (DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture,
                DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal, out var parsed))
        {
            epochSeconds = parsed.ToUnixTimeSeconds();
            return true;
        }

        epochSeconds = 0;
        return false;
    }
}
