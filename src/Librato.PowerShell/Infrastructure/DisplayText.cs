using System;
using System.Management.Automation.Host;
using System.Text;
using Librato.Api;

namespace Librato.PowerShell
{
    /// <summary>Text for table cells of a fixed width: long names shortened in the middle, where they differ least.</summary>
    public static class DisplayText
    {
        /// <summary>
        /// <paramref name="text"/> in at most <paramref name="width"/> characters: the start and the end kept, an
        /// ellipsis between (<c>payments.api…milliseconds</c>), so both the family and the unit of a name stay.
        /// </summary>
        public static string Middle(string? text, int width)
        {
            if (text == null || text.Length <= width || width < 3)
            {
                return text ?? string.Empty;
            }

            // Cut at dots where that keeps a fair share of both ends: payments.…milliseconds, not payments.ap…lliseconds.
            var tail = (width - 1) / 2;
            var minimum = Math.Max(1, (width - 1) / 3);
            var tailAtDot = false;
            for (var i = text.Length - (width - 1 - minimum); i < text.Length - minimum; i++)
            {
                if (i > 0 && text[i - 1] == '.')
                {
                    tail = text.Length - i;
                    tailAtDot = true;
                    break;
                }
            }

            var head = width - 1 - tail;
            var dot = text.LastIndexOf('.', head - 1, head);
            if (dot >= minimum - 1)
            {
                head = dot + 1;

                // A tail that starts mid-word anyway takes the room the head gave up: memory.…ailable_mbytes, not memory.…ble_mbytes.
                if (!tailAtDot)
                {
                    tail = width - 1 - head;
                }
            }

            return text.Substring(0, head) + "\u2026" + text.Substring(text.Length - tail);
        }

        /// <summary>
        /// The series of a point as the last cell of a row: its source, or its tags as <c>k=v k2=v2</c>, broken into
        /// lines between tags where the row would pass the console's edge (PowerShell would break them mid-word).
        /// </summary>
        public static string Series(LibratoMeasurement point, PSHost? host, int usedWidth) => Series(point.Source, point.Tags, host, usedWidth);

        /// <summary>As <see cref="Series(LibratoMeasurement, PSHost?, int)"/> for a measurement to send: tags when it has any, else its source.</summary>
        public static string Series(Measurement measurement, PSHost? host, int usedWidth) =>
            Series(measurement.Source, measurement.Tags is { Count: > 0 } ? measurement.Tags : null, host, usedWidth);

        private static string Series(string? source, System.Collections.Generic.IDictionary<string, string>? tags, PSHost? host, int usedWidth) =>
            tags != null ? Lines(SeriesLabel.OfTags(tags, " "), RemainingWidth(host, usedWidth)) : source ?? string.Empty;

        /// <summary>A chart stream on one line: its metric shortened in the middle, then its source or tags; a composite whole.</summary>
        public static string Stream(LibratoChartStream stream, int metricWidth)
        {
            var text = stream.ToString();
            return stream.Composite == null && stream.Metric is string metric && text.StartsWith(metric, StringComparison.Ordinal)
                ? Middle(metric, metricWidth) + text.Substring(metric.Length)
                : text;
        }

        /// <summary>A cell with nothing to say says so, so no column of a listing is blank.</summary>
        public static string OrDash(object? value) => value == null || (value is string text && text.Length == 0) ? "-" : value.ToString()!;

        /// <summary>The words of <paramref name="text"/> in lines of at most <paramref name="width"/> characters where they fit.</summary>
        public static string Lines(string text, int width)
        {
            if (width <= 0 || text.Length <= width)
            {
                return text;
            }

            var lines = new StringBuilder();
            var line = 0;
            foreach (var word in text.Split(' '))
            {
                if (line > 0 && line + 1 + word.Length > width)
                {
                    lines.Append('\n');
                    line = 0;
                }
                else if (line > 0)
                {
                    lines.Append(' ');
                    line++;
                }

                lines.Append(word);
                line += word.Length;
            }

            return lines.ToString();
        }

        /// <summary>The console's width less what the other columns take; 0 when the host cannot say (output to a file).</summary>
        public static int RemainingWidth(PSHost? host, int usedWidth)
        {
            // Output to a file or a pipe has no edge to fit; the width given to Out-String or Out-File governs it.
            if (Console.IsOutputRedirected)
            {
                return 0;
            }

            var width = ConsoleWidth(host);
            return width > usedWidth ? width - usedWidth - 1 : 0;
        }

        /// <summary>The console window's width in characters; 0 when the host has no window (remoting, a service, a file).</summary>
        public static int ConsoleWidth(PSHost? host)
        {
            try
            {
                return host?.UI?.RawUI?.WindowSize.Width ?? 0;
            }
            catch (Exception ex) when (ex is NotImplementedException || ex is NotSupportedException || ex is InvalidOperationException || ex is System.IO.IOException || ex is HostException)
            {
                return 0;
            }
        }
    }
}
