using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Xml;
using Librato.PowerShell.Pictures;
using Xunit;

namespace Librato.Api.Tests
{
    /// <summary>The renderers behind Show-LibratoMetric: bucketing, sparklines, text charts, SVG and labels.</summary>
    public class PictureTests
    {
        private const double Gap = double.NaN;
        private static readonly CultureInfo Invariant = CultureInfo.InvariantCulture;

        private static SeriesPoint[] Points(long start, int step, params double[] values) =>
            values.Select((v, i) => new SeriesPoint(start + i * step, v)).ToArray();

        [Fact]
        public void GridGivesOneColumnPerSlotWhenTheyFit()
        {
            var grid = new ColumnGrid(600, 600 + 9 * 60, 60, 80);
            Assert.Equal(10, grid.Columns);
            Assert.Equal(1, grid.SlotsPerColumn);
            Assert.Equal(new[] { 1.0, 2, 3 }, grid.Bucket(Points(600, 60, 1, 2, 3), BucketFunction.Mean).Take(3));
        }

        [Fact]
        public void GridAlignsTheWindowToTheResolution()
        {
            var grid = new ColumnGrid(630, 700, 60, 80);
            Assert.Equal(600, grid.Origin);
            Assert.Equal(2, grid.Columns);
            Assert.Equal(0, grid.ColumnOf(600));
            Assert.Equal(1, grid.ColumnOf(719));
            Assert.Equal(-1, grid.ColumnOf(720));
            Assert.Equal(-1, grid.ColumnOf(599));
        }

        [Fact]
        public void MoreSlotsThanColumnsAreBucketedEvenly()
        {
            // 100 slots into at most 30 columns: 4 slots per column, 25 columns.
            var grid = new ColumnGrid(0, 99, 1, 30);
            Assert.Equal(4, grid.SlotsPerColumn);
            Assert.Equal(25, grid.Columns);
            var values = Enumerable.Range(0, 100).Select(i => (double)i).ToArray();
            var points = Points(0, 1, values);
            Assert.Equal(1.5, grid.Bucket(points, BucketFunction.Mean)[0]);
            Assert.Equal(6, grid.Bucket(points, BucketFunction.Sum)[0]);
            Assert.Equal(4, grid.Bucket(points, BucketFunction.Min)[1]);
            Assert.Equal(99, grid.Bucket(points, BucketFunction.Max)[24]);
        }

        [Fact]
        public void ColumnsWithoutPointsAndMissingValuesAreGaps()
        {
            var grid = new ColumnGrid(0, 4 * 60, 60, 80);
            var points = new[] { new SeriesPoint(0, 1), new SeriesPoint(120, double.NaN), new SeriesPoint(240, 3), new SeriesPoint(9999, 7) };
            var columns = grid.Bucket(points, BucketFunction.Mean);
            Assert.Equal(5, columns.Length);
            Assert.Equal(1, columns[0]);
            Assert.True(double.IsNaN(columns[1]));
            Assert.True(double.IsNaN(columns[2]));
            Assert.True(double.IsNaN(columns[3]));
            Assert.Equal(3, columns[4]);
        }

        [Fact]
        public void GridRefusesABackwardWindow()
        {
            Assert.Throws<ArgumentException>(() => new ColumnGrid(100, 50, 1, 10));
            Assert.Throws<ArgumentOutOfRangeException>(() => new ColumnGrid(0, 50, 0, 10));
        }

        [Fact]
        public void SparklineRisesFromTheLowestToTheHighestLevel()
        {
            Assert.Equal("▁▂▃▄▅▆▇█", Sparkline.Render(new double[] { 1, 2, 3, 4, 5, 6, 7, 8 }, GlyphSet.Unicode));
            Assert.Equal("█▁", Sparkline.Render(new double[] { 100, -100 }, GlyphSet.Unicode));
            Assert.Equal("_.-~=+*#", Sparkline.Render(new double[] { 0, 1, 2, 3, 4, 5, 6, 7 }, GlyphSet.Ascii));
        }

        [Fact]
        public void SparklineScalesNegativeValues()
        {
            Assert.Equal("▁▆█", Sparkline.Render(new double[] { -10, 0, 4 }, GlyphSet.Unicode));
        }

        [Fact]
        public void FlatSeriesAndSinglePointsSitInTheMiddle()
        {
            Assert.Equal("▄▄▄", Sparkline.Render(new double[] { 5, 5, 5 }, GlyphSet.Unicode));
            Assert.Equal("▄", Sparkline.Render(new double[] { -3 }, GlyphSet.Unicode));
            Assert.Equal("~", Sparkline.Render(new double[] { 0 }, GlyphSet.Ascii));
        }

        [Fact]
        public void SparklineLeavesGapsForMissingValues()
        {
            Assert.Equal("▁ █ ", Sparkline.Render(new[] { 1, Gap, 2, double.PositiveInfinity }, GlyphSet.Unicode));
            Assert.Equal("   ", Sparkline.Render(new[] { Gap, Gap, Gap }, GlyphSet.Unicode));
            Assert.Equal(string.Empty, Sparkline.Render(new double[0], GlyphSet.Unicode));
        }

        [Fact]
        public void ChartHasRowsAxisAndTimeLabels()
        {
            var lines = TextChart.Render(new double[] { 0, 1, 2, 3 }, 2, GlyphSet.Unicode, v => v.ToString(Invariant), "00:00", "00:03");
            Assert.Equal(4, lines.Count);
            Assert.Equal("3 ┤  ▃█", lines[0]);
            Assert.Equal("0 ┤▁▆██", lines[1]);
            Assert.Equal("  └────", lines[2]);
            Assert.Equal("   00:00", lines[3]);
        }

        [Fact]
        public void ChartPutsTheEndLabelUnderTheLastColumnWhenItFits()
        {
            var values = Enumerable.Range(0, 12).Select(i => (double)i).ToArray();
            var lines = TextChart.Render(values, 3, GlyphSet.Unicode, v => v.ToString(Invariant), "10:00", "11:00");
            Assert.Equal("    10:00  11:00", lines[4]);
            Assert.Equal(lines[3].Length, lines[4].Length);
            Assert.All(lines.Take(3), l => Assert.True(l.Length <= 4 + 12));
        }

        [Fact]
        public void ChartDrawsNegativeValuesAndGaps()
        {
            var lines = TextChart.Render(new[] { -5, Gap, 5 }, 2, GlyphSet.Ascii, v => v.ToString(Invariant), "a", "b");
            Assert.Equal(" 5 +  #", lines[0]);
            Assert.Equal("-5 +. #", lines[1]);
        }

        [Fact]
        public void FlatChartShowsItsValueBesideTheBarTops()
        {
            var lines = TextChart.Render(new double[] { 7, 7 }, 4, GlyphSet.Unicode, v => v.ToString(Invariant), "a", "b");
            Assert.Equal("  │", lines[0]);
            Assert.Equal("  │", lines[1]);
            Assert.Equal("7 ┤██", lines[2]);
            Assert.Equal("  │██", lines[3]);
        }

        [Fact]
        public void ChartOfOnePointAndOfNothing()
        {
            var one = TextChart.Render(new[] { Gap, 4.0, Gap }, 2, GlyphSet.Unicode, v => v.ToString(Invariant), "a", "b");
            Assert.Equal("  │", one[0]);
            Assert.Equal("4 ┤ █", one[1]);
            var none = TextChart.Render(new[] { Gap, Gap }, 2, GlyphSet.Unicode, v => v.ToString(Invariant), "a", "b");
            Assert.Equal(" │", none[0]);
            Assert.Throws<ArgumentOutOfRangeException>(() => TextChart.Render(new double[] { 1 }, 1, GlyphSet.Unicode, v => "", "a", "b"));
        }

        [Fact]
        public void SvgIsXmlWithOnePolylinePerSeries()
        {
            var chart = new SvgChart("cpu <&> load", 1000, 4600, new[]
            {
                new SvgSeries("web1", Points(1000, 60, 1, 2, Gap, 4)),
                new SvgSeries("region=us & \"eu\"", Points(1000, 60, -3, 0)),
                new SvgSeries("solo", Points(2000, 60, 5)),
            })
            { Unit = "ms" };

            var document = new XmlDocument();
            document.LoadXml(chart.ToXml());
            var names = new XmlNamespaceManager(document.NameTable);
            names.AddNamespace("s", SvgChart.Namespace);
            Assert.Equal("svg", document.DocumentElement!.LocalName);
            var lines = document.SelectNodes("//s:polyline", names)!.Cast<XmlElement>().ToList();
            Assert.Equal(3, lines.Count);
            Assert.Equal(new[] { 3, 2, 1 }, lines.Select(l => l.GetAttribute("points").Split(' ').Length));
            Assert.Equal("region=us & \"eu\"", lines[1].GetAttribute("data-series"));
            Assert.Single(document.SelectNodes("//s:circle", names)!.Cast<XmlNode>());
            Assert.Contains("cpu <&> load", document.SelectSingleNode("//s:text[@class='title']", names)!.InnerText);
            var localStart = new DateTimeOffset(new DateTime(1970, 1, 1, 0, 16, 40, DateTimeKind.Utc)).ToLocalTime();
            Assert.StartsWith(localStart.ToString("yyyy-MM-dd HH:mm", Invariant), document.SelectSingleNode("//s:text[@class='subtitle']", names)!.InnerText);
            var yLabels = document.SelectNodes("//s:text[@class='y-label']", names)!.Cast<XmlNode>().Select(n => n.InnerText).ToList();
            Assert.Equal(new[] { "6 ms", "4 ms", "2 ms", "0 ms", "-2 ms", "-4 ms" }, yLabels);
            Assert.Equal(3, document.SelectNodes("//s:g[@class='legend']/s:text[@class='legend-label']", names)!.Count);
            var values = document.SelectNodes("//s:g[@class='legend']/s:text[@class='legend-values']", names)!.Cast<XmlNode>().Select(n => n.InnerText).ToList();
            Assert.Equal(new[] { "min 1 ms   max 4 ms   last 4 ms", "min -3 ms   max 0 ms   last 0 ms", "min 5 ms   max 5 ms   last 5 ms" }, values);
        }

        [Theory]
        [InlineData(20.04, 99, new[] { 20.0, 40, 60, 80, 100 })]
        [InlineData(0, 1, new[] { 0.0, 0.2, 0.4, 0.6, 0.8, 1 })]
        [InlineData(-3, 5, new[] { -4.0, -2, 0, 2, 4, 6 })]
        [InlineData(1012, 1047, new[] { 1010.0, 1020, 1030, 1040, 1050 })]
        [InlineData(0.0012, 0.0049, new[] { 0.001, 0.002, 0.003, 0.004, 0.005 })]
        public void ValueAxesRunFromRoundValueToRoundValueInStepsOfOneTwoOrFive(double low, double high, double[] expected)
        {
            Assert.Equal(expected, AxisScale.ValueTicks(low, high));
        }

        [Fact]
        public void TimeAxesLabelRoundTimesOfTheLocalClock()
        {
            var start = 1796601600L + 1234; // a six-hour window that starts off the hour
            var ticks = AxisScale.TimeTicks(start, start + 6 * 3600);
            Assert.InRange(ticks.Count, 5, 8);
            Assert.All(ticks, t => Assert.InRange(t, start, start + 6 * 3600));
            Assert.All(ticks, t => Assert.Equal(0, new DateTimeOffset(DateTimeOffset.FromUnixTimeSeconds(t).UtcDateTime).ToLocalTime().Minute));
            Assert.All(ticks.Zip(ticks.Skip(1), (a, b) => b - a), gap => Assert.Equal(3600, gap));
        }

        [Fact]
        public void SvgOfASixHourWindowHasATimeLabelEachHour()
        {
            var start = 1796601600L;
            var chart = new SvgChart("m", start, start + 6 * 3600, new[] { new SvgSeries("a", Points(start, 600, 1, 2, 3)) });
            var document = new XmlDocument();
            document.LoadXml(chart.ToXml());
            Assert.InRange(document.SelectNodes("//*[@class='x-label']")!.Count, 6, 7);
        }

        [Fact]
        public void PointsBecomeSeriesInNameOrderAndACounterIsDrawnAsItsChanges()
        {
            Librato.Api.LibratoMeasurement Point(string source, long time, double value) =>
                new Librato.Api.LibratoMeasurement { Metric = "m", Source = source, Time = DateTimeOffset.FromUnixTimeSeconds(time).UtcDateTime, Value = value };
            var points = new[] { Point("lb2", 60, 5), Point("lb1", 120, 160), Point("lb1", 60, 100), Point("lb1", 180, 230), Point("none", 60, double.NaN) };
            var totals = PictureSeries.From(points, asChanges: false);
            Assert.Equal(new[] { "lb1", "lb2" }, totals.Select(s => s.Label)); // "none" has no value to draw
            Assert.Equal(new[] { 100.0, 160, 230 }, totals[0].Values.Select(v => v.Value));
            var changes = PictureSeries.From(points, asChanges: true);
            Assert.Equal(new[] { "lb1" }, changes.Select(s => s.Label));
            Assert.Equal(new[] { 60.0, 70 }, changes[0].Values.Select(v => v.Value));
            Assert.Equal(new[] { 120L, 180 }, changes[0].Values.Select(v => v.Time));
        }

        [Fact]
        public void TaggedSeriesAreNamedByTheTagsThatDifferBetweenThem()
        {
            IDictionary<string, string> Tags(params string[] pairs) => pairs.Select(p => p.Split('=')).ToDictionary(p => p[0], p => p[1]);
            var tags = new List<IDictionary<string, string>?>
            {
                Tags("env=production", "region=us-east-1", "service=checkout"),
                Tags("env=production", "region=eu-west-1", "service=checkout"),
                Tags("env=production", "region=eu-west-1", "service=refunds", "canary=yes"),
            };
            var full = new[] { "a", "b", "c" };
            Assert.Equal(new[] { "canary=-,region=us-east-1,service=checkout", "canary=-,region=eu-west-1,service=checkout", "canary=yes,region=eu-west-1,service=refunds" },
                SeriesNames.Distinguishing(tags, full));
            Assert.Equal(new[] { "region=us-east-1", "region=eu-west-1" }, SeriesNames.Distinguishing(tags.Take(2).ToList(), full.Take(2).ToList()));
            Assert.Equal(new[] { "a" }, SeriesNames.Distinguishing(tags.Take(1).ToList(), full.Take(1).ToList()));
            Assert.Equal(new[] { "web1", "web2" }, SeriesNames.Distinguishing(new IDictionary<string, string>?[] { null, null }, new[] { "web1", "web2" }));
        }

        [Fact]
        public void SvgPlacesPointsWithinThePlot()
        {
            var chart = new SvgChart("m", 0, 100, new[] { new SvgSeries("a", new[] { new SeriesPoint(0, 0), new SeriesPoint(100, 10) }) });
            var document = new XmlDocument();
            document.LoadXml(chart.ToXml());
            var line = (XmlElement)document.GetElementsByTagName("polyline")[0]!;
            var coordinates = line.GetAttribute("points").Split(' ').Select(p => p.Split(',').Select(c => double.Parse(c, Invariant)).ToArray()).ToArray();
            Assert.Equal(80, coordinates[0][0]);
            Assert.Equal(chart.Width - 24, coordinates[1][0]);
            Assert.True(coordinates[0][1] > coordinates[1][1], "A higher value is drawn higher up.");
        }

        [Fact]
        public void SvgOfAFlatSeriesDrawsItAcrossTheMiddle()
        {
            var chart = new SvgChart("m", 0, 120, new[] { new SvgSeries("a", Points(0, 60, 2, 2, 2)) });
            var document = new XmlDocument();
            document.LoadXml(chart.ToXml());
            var ys = ((XmlElement)document.GetElementsByTagName("polyline")[0]!).GetAttribute("points").Split(' ').Select(p => p.Split(',')[1]).Distinct().ToList();
            Assert.Single(ys);
            Assert.Equal((60 + (400 - 44)) / 2.0, double.Parse(ys[0], Invariant));
        }

        [Fact]
        public void SvgIsUtf8WithoutAByteOrderMark()
        {
            var chart = new SvgChart("m", 0, 60, new[] { new SvgSeries("a", Points(0, 60, 1, 2)) });
            using (var stream = new MemoryStream())
            {
                chart.Write(stream);
                var bytes = stream.ToArray();
                Assert.Equal((byte)'<', bytes[0]);
            }
        }

        [Theory]
        [InlineData(0, null, "0")]
        [InlineData(3.14159, "ms", "3.14 ms")]
        [InlineData(-2.5, "%", "-2.5%")]
        [InlineData(1234.5, null, "1234.5")]
        [InlineData(12345, null, "12.35k")]
        [InlineData(999999, null, "1M")]
        [InlineData(-2500000, "B", "-2.5M B")]
        [InlineData(0.001234, null, "0.00123")]
        [InlineData(double.NaN, null, "NaN")]
        public void ValuesAreShortLabels(double value, string? unit, string expected)
        {
            Assert.Equal(expected, ValueText.Format(value, unit, Invariant));
        }

        [Fact]
        public void StatisticsIgnoreMissingValuesAndTakeTheLatestAsLast()
        {
            var stats = SeriesStatistics.Of(new[] { new SeriesPoint(60, 4), new SeriesPoint(0, -2), new SeriesPoint(120, Gap), new SeriesPoint(30, 9) })!;
            Assert.Equal(3, stats.Count);
            Assert.Equal(-2, stats.Min);
            Assert.Equal(9, stats.Max);
            Assert.Equal(4, stats.Last);
            Assert.Equal(60, stats.LastTime);
            Assert.Null(SeriesStatistics.Of(new[] { new SeriesPoint(0, Gap) }));
        }
    }
}
