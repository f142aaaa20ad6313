using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Text;
using System.Xml;
using Librato.Api;

namespace Librato.PowerShell.Pictures
{
    /// <summary>
    /// A self-contained SVG line chart: a title and time range, axes with the lowest and highest value and the
    /// window's start and end, one polyline per series, and a legend. It uses no scripts, style sheets or fonts
    /// from elsewhere, so it shows the same in a browser, a document or a mail.
    /// </summary>
    public sealed class SvgChart
    {
        public const string Namespace = "http://www.w3.org/2000/svg";

        private const double Left = 80;
        private const double Right = 24;
        private const double Top = 60;
        private const double Bottom = 44;
        private const double LegendRow = 20;

        private static readonly string[] Palette =
        {
            "#1f77b4", "#ff7f0e", "#2ca02c", "#d62728", "#9467bd", "#8c564b", "#e377c2", "#7f7f7f", "#bcbd22", "#17becf",
        };

        private static readonly CultureInfo Invariant = CultureInfo.InvariantCulture;

        public SvgChart(string title, long start, long end, IReadOnlyList<SvgSeries> series)
        {
            if (end < start)
            {
                throw new ArgumentException("The window ends before it starts.", nameof(end));
            }

            Title = title;
            Start = start;
            End = end;
            Series = series;
        }

        public string Title { get; }

        /// <summary>The window's start, in epoch seconds.</summary>
        public long Start { get; }

        public long End { get; }

        public IReadOnlyList<SvgSeries> Series { get; }

        /// <summary>Follows the values on the y axis; null or empty for none.</summary>
        public string? Unit { get; set; }

        public int Width { get; set; } = 800;

        /// <summary>The height of the chart without its legend, which adds a row per series below it.</summary>
        public int Height { get; set; } = 400;

        /// <summary>The color of the series at a position in the legend; colors repeat after ten series.</summary>
        public static string ColorOf(int index) => Palette[index % Palette.Length];

        /// <summary>The time range as the subtitle shows it, in local time with the zone: <c>2026-12-07 10:00 – 16:00 UTC-06:00</c>.</summary>
        public static string RangeText(long start, long end)
        {
            var from = Local(start);
            var to = Local(end);
            var endFormat = from.Date == to.Date ? "HH:mm" : "yyyy-MM-dd HH:mm";
            return from.ToString("yyyy-MM-dd HH:mm", Invariant) + " \u2013 " + to.ToString(endFormat, Invariant) + " " + DisplayTime.UtcOffset(from);
        }

        private static DateTimeOffset Local(long seconds) => DisplayTime.LocalEpoch(seconds);

        public void Write(Stream stream)
        {
            var settings = new XmlWriterSettings
            {
                Encoding = new UTF8Encoding(encoderShouldEmitUTF8Identifier: false),
                Indent = true,
                CloseOutput = false,
            };
            using (var xml = XmlWriter.Create(stream, settings))
            {
                Write(xml);
            }
        }

        public string ToXml()
        {
            using (var stream = new MemoryStream())
            {
                Write(stream);
                return new UTF8Encoding(false).GetString(stream.ToArray());
            }
        }

        private void Write(XmlWriter xml)
        {
            var plotWidth = Width - Left - Right;
            var plotHeight = Height - Top - Bottom;
            var totalHeight = Height + LegendRow * Series.Count + (Series.Count > 0 ? 8 : 0);
            var range = ValueRange.Of(Series.SelectMany(s => s.Points).Select(p => p.Value));
            var low = range.IsEmpty ? 0 : range.Min;
            var high = range.IsEmpty ? 1 : range.Max;
            if (low == high)
            {
                // A flat chart is drawn across the middle, where its value is the middle label.
                var pad = low == 0 ? 1 : Math.Abs(low) * 0.1;
                low -= pad;
                high += pad;
            }

            // The axis runs from round value to round value, with a grid line and label at each.
            var ticks = AxisScale.ValueTicks(low, high);
            low = ticks[0];
            high = ticks[ticks.Count - 1];

            var span = Math.Max(1, End - Start);
            double X(long time) => Left + (time - Start) * plotWidth / span;
            double Y(double value) => Top + (high - value) * plotHeight / (high - low);

            xml.WriteStartDocument();
            xml.WriteStartElement("svg", Namespace);
            xml.WriteAttributeString("version", "1.1");
            xml.WriteAttributeString("width", Number(Width));
            xml.WriteAttributeString("height", Number(totalHeight));
            xml.WriteAttributeString("viewBox", "0 0 " + Number(Width) + " " + Number(totalHeight));
            xml.WriteAttributeString("font-family", "Segoe UI, Helvetica, Arial, sans-serif");
            xml.WriteAttributeString("font-size", "12");

            xml.WriteElementString("title", Namespace, Title + ", " + RangeText(Start, End));

            Element(xml, "rect", "x", "0", "y", "0", "width", Number(Width), "height", Number(totalHeight), "fill", "#ffffff");
            Text(xml, Title, Left, 24, "start", "title", "font-size", "16", "font-weight", "bold");
            Text(xml, RangeText(Start, End), Left, 44, "start", "subtitle", "fill", "#555555");

            xml.WriteStartElement("g", Namespace);
            xml.WriteAttributeString("class", "y-axis");
            for (var i = ticks.Count - 1; i >= 0; i--)
            {
                var y = Y(ticks[i]);
                Element(xml, "line", "x1", Number(Left), "y1", Number(y), "x2", Number(Left + plotWidth), "y2", Number(y), "stroke", "#e0e0e0");
                Text(xml, ValueText.Format(ticks[i], Unit, Invariant), Left - 6, y + 4, "end", "y-label");
            }

            xml.WriteEndElement();

            xml.WriteStartElement("g", Namespace);
            xml.WriteAttributeString("class", "axes");
            xml.WriteAttributeString("stroke", "#333333");
            Element(xml, "line", "x1", Number(Left), "y1", Number(Top), "x2", Number(Left), "y2", Number(Top + plotHeight));
            Element(xml, "line", "x1", Number(Left), "y1", Number(Top + plotHeight), "x2", Number(Left + plotWidth), "y2", Number(Top + plotHeight));
            xml.WriteEndElement();

            // Time labels at round times of the local clock, with a faint line up from each.
            var timeFormat = End - Start > 86400 ? "MM-dd HH:mm" : "HH:mm";
            xml.WriteStartElement("g", Namespace);
            xml.WriteAttributeString("class", "x-axis");
            var times = AxisScale.TimeTicks(Start, End);
            if (times.Count < 2)
            {
                times = new[] { Start, End };
            }

            foreach (var time in times)
            {
                var x = X(time);
                Element(xml, "line", "x1", Number(x), "y1", Number(Top), "x2", Number(x), "y2", Number(Top + plotHeight), "stroke", "#f0f0f0");
                Text(xml, Local(time).ToString(timeFormat, Invariant), x, Top + plotHeight + 18, "middle", "x-label");
            }

            xml.WriteEndElement();

            for (var i = 0; i < Series.Count; i++)
            {
                var series = Series[i];
                var color = ColorOf(i);
                var drawn = series.Points.Where(p => p.HasValue).OrderBy(p => p.Time).ToList();
                xml.WriteStartElement("polyline", Namespace);
                xml.WriteAttributeString("class", "series");
                xml.WriteAttributeString("data-series", series.Label);
                xml.WriteAttributeString("fill", "none");
                xml.WriteAttributeString("stroke", color);
                xml.WriteAttributeString("stroke-width", "1.5");
                xml.WriteAttributeString("stroke-linejoin", "round");
                xml.WriteAttributeString("points", string.Join(" ", drawn.Select(p => Number(X(p.Time)) + "," + Number(Y(p.Value)))));
                xml.WriteElementString("title", Namespace, series.Label);
                xml.WriteEndElement();

                if (drawn.Count == 1)
                {
                    // A line through one point draws nothing; a dot shows it.
                    Element(xml, "circle", "cx", Number(X(drawn[0].Time)), "cy", Number(Y(drawn[0].Value)), "r", "3", "fill", color);
                }
            }

            xml.WriteStartElement("g", Namespace);
            xml.WriteAttributeString("class", "legend");
            for (var i = 0; i < Series.Count; i++)
            {
                var y = Height + i * LegendRow;
                Element(xml, "rect", "x", Number(Left), "y", Number(y), "width", "12", "height", "12", "fill", ColorOf(i));
                Text(xml, Series[i].Label, Left + 18, y + 10, "start", "legend-label");
                if (SeriesStatistics.Of(Series[i].Points) is SeriesStatistics stats)
                {
                    // Each series' numbers in its own unit, so two metrics on one chart keep theirs.
                    var unit = Series[i].Unit ?? Unit;
                    Text(
                        xml,
                        "min " + ValueText.Format(stats.Min, unit, Invariant) + "   max " + ValueText.Format(stats.Max, unit, Invariant) + "   last " + ValueText.Format(stats.Last, unit, Invariant),
                        Left + plotWidth,
                        y + 10,
                        "end",
                        "legend-values");
                }
            }

            xml.WriteEndElement();

            xml.WriteEndElement();
            xml.WriteEndDocument();
        }

        private static void Element(XmlWriter xml, string name, params string[] attributes)
        {
            xml.WriteStartElement(name, Namespace);
            for (var i = 0; i + 1 < attributes.Length; i += 2)
            {
                xml.WriteAttributeString(attributes[i], attributes[i + 1]);
            }

            xml.WriteEndElement();
        }

        private static void Text(XmlWriter xml, string text, double x, double y, string anchor, string cssClass, params string[] attributes)
        {
            xml.WriteStartElement("text", Namespace);
            xml.WriteAttributeString("class", cssClass);
            xml.WriteAttributeString("x", Number(x));
            xml.WriteAttributeString("y", Number(y));
            xml.WriteAttributeString("text-anchor", anchor);
            for (var i = 0; i + 1 < attributes.Length; i += 2)
            {
                xml.WriteAttributeString(attributes[i], attributes[i + 1]);
            }

            xml.WriteString(text);
            xml.WriteEndElement();
        }

        private static string Number(double value) => Math.Round(value, 2).ToString("0.##", Invariant);
    }
}
