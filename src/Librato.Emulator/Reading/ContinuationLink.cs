using System;
using System.Text;

namespace Librato.Emulator.Reading;

/// <summary>
/// Builds the <c>rel=next</c> href of a truncated tagged read: the same query, restarted at the first unreturned
/// time, with the end of the window pinned so that later pages cover exactly the window of the first.
/// </summary>
internal static class ContinuationLink
{
    public static string Build(string metricName, string? queryString, long nextStart, long end)
    {
        var builder = new StringBuilder("/v1/measurements/").Append(Uri.EscapeDataString(metricName)).Append('?');
        bool first = true;
        foreach (string part in (queryString ?? string.Empty).TrimStart('?').Split('&', StringSplitOptions.RemoveEmptyEntries))
        {
            int equals = part.IndexOf('=');
            string key = Uri.UnescapeDataString((equals < 0 ? part : part.Substring(0, equals)).Replace('+', ' '));
            if (key is "start_time" or "end_time" or "duration")
            {
                continue;
            }

            builder.Append(first ? string.Empty : "&").Append(part);
            first = false;
        }

        builder.Append(first ? string.Empty : "&").Append("start_time=").Append(nextStart).Append("&end_time=").Append(end);
        return builder.ToString();
    }
}
