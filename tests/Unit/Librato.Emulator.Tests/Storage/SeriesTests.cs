using System.Linq;
using Librato.Emulator.Storage;
using Xunit;

namespace Librato.Emulator.Tests.Storage;

public sealed class SeriesTests
{
    private static long[] Times(Point[] points) => points.Select(p => p.Time).ToArray();

    [Fact]
    public void PointsStaySortedWhateverTheArrivalOrder()
    {
        var series = new Series("s", null);
        foreach (long time in new long[] { 10, 20, 5, 15, 30, 1 })
        {
            series.Upsert(Point.FromValue(time, time));
        }

        Assert.Equal(new long[] { 1, 5, 10, 15, 20, 30 }, Times(series.All()));
    }

    [Theory]
    [InlineData(30)]
    [InlineData(10)]
    [InlineData(20)]
    public void SameTimeReplacesWhereverThePointIs(long time)
    {
        var series = new Series("s", null);
        series.Upsert(Point.FromValue(10, 1));
        series.Upsert(Point.FromValue(20, 2));
        series.Upsert(Point.FromValue(30, 3));

        series.Upsert(Point.FromValue(time, 99));

        Assert.Equal(3, series.Count);
        Assert.Equal(99, series.All().Single(p => p.Time == time).Value);
    }

    [Fact]
    public void RangeIsInclusiveAtBothEnds()
    {
        var series = new Series(null, null);
        for (long t = 1; t <= 10; t++)
        {
            series.Upsert(Point.FromValue(t, t));
        }

        Assert.Equal(new long[] { 3, 4, 5 }, Times(series.Range(3, 5)));
        Assert.Equal(new long[] { 1, 2 }, Times(series.Range(long.MinValue, 2)));
        Assert.Empty(series.Range(11, 20));
        Assert.Empty(series.Range(6, 5));
    }

    [Fact]
    public void MergeAddsAndKeepsExtremesAndTheLaterLast()
    {
        var merged = Point.FromValue(60, 2).Merge(new Point(70, 3, 30, 1, 20, 500, 4));

        Assert.Equal(new Point(60, 4, 32, 1, 20, 504, 4), merged);
        Assert.Equal(8, merged.Value);
    }

    [Theory]
    [InlineData(5, new long[] { 5, 10 })]
    [InlineData(15, new long[] { 10, 15 })]
    public void ASecondPointGoesOnEitherSideOfTheFirst(long time, long[] expected)
    {
        var series = new Series("s", null);
        series.Upsert(Point.FromValue(10, 1));

        series.Upsert(Point.FromValue(time, 2));

        Assert.Equal(expected, Times(series.All()));
        Assert.Equal(2, series.Count);
        Assert.Equal(1, series.All().Single(p => p.Time == 10).Value);
    }

    [Fact]
    public void AOnePointSeriesReplacesReadsAndSearchesItsPoint()
    {
        var series = new Series("s", null);
        Assert.Empty(series.All());
        Assert.Null(series.LastBefore(100));

        series.Upsert(Point.FromValue(10, 1));
        series.Upsert(Point.FromValue(10, 7));

        Assert.Equal(1, series.Count);
        Assert.Equal(7, series.All().Single().Value);
        Assert.Equal(new long[] { 10 }, Times(series.Range(10, 10)));
        Assert.Empty(series.Range(11, 20));
        Assert.Null(series.LastBefore(10));
        Assert.Equal(7, series.LastBefore(11)!.Value.Value);
    }

    [Fact]
    public void ManyPointsInAnyOrderKeepEveryOneOnce()
    {
        var series = new Series("s", null);
        var times = Enumerable.Range(0, 1000).Select(i => (long)((i * 7919) % 1000)).ToArray();
        foreach (long time in times)
        {
            series.Upsert(Point.FromValue(time, time));
        }

        foreach (long time in times.Take(10))
        {
            series.Upsert(Point.FromValue(time, -1));
        }

        Assert.Equal(Enumerable.Range(0, 1000).Select(i => (long)i).ToArray(), Times(series.All()));
        Assert.Equal(10, series.All().Count(p => p.Value == -1));
        Assert.Equal(499, series.LastBefore(500)!.Value.Time);
    }
}
