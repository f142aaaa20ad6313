using System.Collections.Generic;
using System.Linq;
using Librato.Emulator.Reading;
using Librato.Emulator.Storage;
using Xunit;

namespace Librato.Emulator.Tests.Storage;

public sealed class ReadingHelpersTests
{
    [Theory]
    [InlineData("web*", "web-1", true)]
    [InlineData("web*", "WEB-1", true)]
    [InlineData("web*", "db-1", false)]
    [InlineData("*-1", "web-1", true)]
    [InlineData("w*b*1", "web-1", true)]
    [InlineData("w*b*2", "web-1", false)]
    [InlineData("*", "", true)]
    [InlineData("exact", "exact", true)]
    [InlineData("exact", "exactly", false)]
    [InlineData("a*a*a", "aaaa", true)]
    [InlineData("us-?", "us-?", true)]
    public void WildcardPatternMatches(string pattern, string text, bool expected)
    {
        Assert.Equal(expected, new WildcardPattern(pattern).IsMatch(text));
    }

    [Fact]
    public void RollupFloorsToBucketStarts()
    {
        var points = new[] { Point.FromValue(59, 1), Point.FromValue(60, 2), Point.FromValue(119, 4), Point.FromValue(180, 8) };

        var rolled = Rollup.Apply(points, 60);

        Assert.Equal(new long[] { 0, 60, 180 }, rolled.Select(p => p.Time));
        Assert.Equal(new long[] { 1, 2, 1 }, rolled.Select(p => p.Count));
        Assert.Equal(3, rolled[1].Value);
        Assert.Equal(-60, Rollup.FloorTo(-1, 60));
    }

    [Fact]
    public void TruncationCutsEverySeriesAtTheEarliestFirstUnreturnedTime()
    {
        Point[] Series(IEnumerable<long> times) => times.Select(t => Point.FromValue(t, 1)).ToArray();
        var series = new List<Point[]>
        {
            Series(Enumerable.Range(0, 5).Select(i => (long)i * 10)),
            Series(Enumerable.Range(0, 4).Select(i => (long)i * 3)),
            Series(new long[] { 1, 2 }),
        };

        long? next = Truncation.Apply(series, max: 3);

        Assert.Equal(9, next);
        Assert.Equal(new long[] { 0 }, series[0].Select(p => p.Time));
        Assert.Equal(new long[] { 0, 3, 6 }, series[1].Select(p => p.Time));
        Assert.Equal(new long[] { 1, 2 }, series[2].Select(p => p.Time));
    }

    [Fact]
    public void NoTruncationWhenEverySeriesFits()
    {
        var series = new List<Point[]> { new[] { Point.FromValue(1, 1) } };

        Assert.Null(Truncation.Apply(series, max: 1));
        Assert.Single(series[0]);
    }
}
