using System.Collections.Generic;
using System.Linq;
using Librato.Emulator.Composite;
using Librato.Emulator.Storage;
using Xunit;

namespace Librato.Emulator.Tests.Composite;

/// <summary>Evaluates definitions against a store filled with known points; times are written relative to <see cref="B"/>.</summary>
public sealed class CompositeEvaluationTests
{
    /// <summary>A multiple of 60 (but not of 120), so period buckets of 120 start one minute before it.</summary>
    private const long B = 1_699_999_980;

    private readonly AccountStore store = new(new EmulatorAccount("eval@example.com", "token"));

    public CompositeEvaluationTests()
    {
        Legacy("cpu", "web-1", (0, 1), (60, 3), (120, 6));
        Legacy("cpu", "web-2", (0, 5), (60, 2));
        Legacy("cpu", null, (0, 10));
        Legacy("mem", "web-1", (0, 2), (60, 4), (120, 0));
        Legacy("delta", "web-1", (0, -2), (60, 3), (120, -4.5));
        Legacy("ctr", "web-1", (0, 5), (60, 9), (120, 3), (180, 4));
        Legacy("w", "web-1", (0, 1), (60, 2), (120, 3), (180, 4), (240, 5), (300, 6));
        Legacy("ts", "web-1", (-3600, 7), (0, 9), (3600, 11));
        Legacy("early", "web-1", (-60, 1), (0, 2), (181, 3));
        var lat = store.GetOrCreate("lat", MetricType.Gauge, default).GetLegacySeries("web-1");
        lat.Upsert(new Point(B, 2, 10, 4, 6, 52, 6));
        lat.Upsert(Point.FromValue(B + 30, 8));
        Tagged("req", new[] { ("env", "prod"), ("region", "us-east") }, (0, 1), (60, 2));
        Tagged("req", new[] { ("env", "prod"), ("region", "us-west") }, (0, 3), (60, 5));
        Tagged("req", new[] { ("env", "dev"), ("region", "us-east") }, (0, 100));
        store.TryCreate("saved", MetricType.Composite, new MetricCreation(null, null, null, null, "sum(s(\"cpu\",\"*\"))", null), out _);
    }

    [Fact]
    public void SeriesReadsMatchingSourcesInNameOrder()
    {
        var result = Evaluate("s(\"cpu\",\"web-*\")");

        Assert.Equal(new[] { "web-1", "web-2" }, result.Select(r => r.Source));
        Assert.Equal(new[] { (0L, 1.0), (60L, 3.0), (120L, 6.0) }, Points(result[0]));
        Assert.Equal(new[] { (0L, 5.0), (60L, 2.0) }, Points(result[1]));
        Assert.All(result, r => Assert.Equal(60, r.Period));
        Assert.All(result, r => Assert.Equal(new SeriesQuery("cpu", "web-*", null), r.Query));
        Assert.All(result, r => Assert.Equal("cpu", r.Metric.Name));
    }

    [Fact]
    public void StarSourceIncludesPointsSentWithoutSource()
    {
        Assert.Equal(new[] { null, "web-1", "web-2" }, Evaluate("s(\"cpu\",\"*\")").Select(r => r.Source));
        Assert.Equal(new[] { "web-1" }, Evaluate("s(\"cpu\",\"WEB-1\")").Select(r => r.Source));
    }

    [Fact]
    public void SeriesIsTheLongFormOfS()
    {
        Assert.Equal(
            Evaluate("s(\"cpu\",\"web-*\")").SelectMany(Points),
            Evaluate("series(\"cpu\",\"web-*\")").SelectMany(Points));
    }

    [Fact]
    public void MetricPatternsMatchEveryNonCompositeMetricByName()
    {
        var result = Evaluate("s(\"*\",\"web-1\")");

        Assert.Equal(new[] { "cpu", "ctr", "delta", "early", "lat", "mem", "ts", "w" }, result.Select(r => r.Metric.Name));
        Assert.Equal(new[] { "cpu" }, Evaluate("s(\"CP*\",\"web-1\")").Select(r => r.Metric.Name));
    }

    [Fact]
    public void NamingACompositeMetricIsAnError()
    {
        var exception = Assert.Throws<CompositeException>(() => Evaluate("sum(s(\"saved\",\"*\"))"));

        Assert.Equal("'saved' is a composite metric, and composite metrics cannot be nested", exception.Message);
        Assert.Empty(Evaluate("s(\"sav*\",\"*\")"));
    }

    [Fact]
    public void UnknownMetricsGiveAnEmptySet()
    {
        Assert.Empty(Evaluate("s(\"nothing\",\"*\")"));
        Assert.Empty(Evaluate("sum(s(\"nothing\",\"*\"))"));
    }

    [Fact]
    public void TagFiltersMatchEveryTagWithWildcardsAndNegation()
    {
        Assert.Equal(new[] { "env=prod,region=us-east", "env=prod,region=us-west" }, Keys(Evaluate("s(\"req\",{\"env\":\"prod\"})")));
        Assert.Equal(new[] { "env=prod,region=us-west" }, Keys(Evaluate("s(\"req\",{env:'PROD',region:'*west'})")));
        Assert.Equal(new[] { "env=prod,region=us-west" }, Keys(Evaluate("s(\"req\",{\"region\":\"!us-east\"})")));
        Assert.Equal(3, Evaluate("s(\"req\",{})").Count);
        Assert.Empty(Evaluate("s(\"req\",{\"host\":\"*\"})"));
        Assert.Empty(Evaluate("s(\"req\",\"*\")"));
        Assert.Empty(Evaluate("s(\"cpu\",{})"));
        Assert.Equal(new[] { (0L, 3.0), (60L, 5.0) }, Points(Evaluate("s(\"req\",{\"region\":\"us-west\"})").Single()));
    }

    [Theory]
    [InlineData("", 6.0)]
    [InlineData(",{function:\"mean\"}", 6.0)]
    [InlineData(",{function:\"sum\"}", 18.0)]
    [InlineData(",{function:'min'}", 4.0)]
    [InlineData(",{\"function\":\"max\"}", 8.0)]
    [InlineData(",{function:\"count\"}", 3.0)]
    public void FunctionOptionPicksTheBucketStatistic(string options, double expected)
    {
        var series = Evaluate($"s(\"lat\",\"web-1\"{options})").Single();

        Assert.Equal(new[] { (0L, expected) }, Points(series));
    }

    [Theory]
    [InlineData("{period:\"120\"}")]
    [InlineData("{period:120}")]
    public void PeriodOptionSummarizesIntoBucketsFlooredToThePeriod(string options)
    {
        var series = Evaluate($"s(\"cpu\",\"web-1\",{options})").Single();

        Assert.Equal(new[] { (-60L, 1.0), (60L, 4.5) }, Points(series));
        Assert.Equal(120, series.Period);
    }

    [Fact]
    public void ResolutionOneReadsRawPointsWithinTheWindow()
    {
        Assert.Equal(new[] { (0L, 2.0), (181L, 3.0) }, Points(Evaluate("s(\"early\",\"*\")", end: B + 200, resolution: 1).Single()));
        Assert.Equal(new[] { (0L, 2.0) }, Points(Evaluate("s(\"early\",\"*\")", end: B + 180, resolution: 1).Single()));
    }

    [Theory]
    [InlineData("sum", new[] { 6.0, 5.0, 6.0 })]
    [InlineData("mean", new[] { 3.0, 2.5, 6.0 })]
    [InlineData("min", new[] { 1.0, 2.0, 6.0 })]
    [InlineData("max", new[] { 5.0, 3.0, 6.0 })]
    public void AggregatesCombineTheSeriesPresentAtEachTime(string function, double[] expected)
    {
        var series = Evaluate($"{function}(s(\"cpu\",\"web-*\"))").Single();

        Assert.Equal(new[] { 0L, 60L, 120L }.Zip(expected), Points(series));
        Assert.Equal(ResultSeries.CombinedSource, series.Source);
    }

    [Fact]
    public void MultiplyKeepsOnlyTimesEverySeriesHas()
    {
        Assert.Equal(new[] { (0L, 5.0), (60L, 6.0) }, Points(Evaluate("multiply(s(\"cpu\",\"web-*\"))").Single()));
        Assert.Equal(new[] { (0L, 2.0), (60L, 12.0), (120L, 0.0) }, Points(Evaluate("multiply([s(\"cpu\",\"web-1\"),s(\"mem\",\"*\")])").Single()));
    }

    [Fact]
    public void SetsConcatenateAndFlattenNestedSets()
    {
        var result = Evaluate("[s(\"cpu\",\"web-1\"), [s(\"mem\",\"web-1\"), []]]");

        Assert.Equal(new[] { "cpu", "mem" }, result.Select(r => r.Metric.Name));
        Assert.Equal(new[] { (0L, 3.0), (60L, 7.0), (120L, 6.0) }, Points(Evaluate("sum([[s(\"cpu\",\"web-1\")], s(\"mem\",\"web-1\")])").Single()));
    }

    [Fact]
    public void CombinedSeriesKeepASharedSourceAndTheFirstInputsMetricAndQuery()
    {
        var sameSource = Evaluate("sum([s(\"cpu\",\"web-1\"), s(\"mem\",\"web-1\")])").Single();

        Assert.Equal("web-1", sameSource.Source);
        Assert.Equal("cpu", sameSource.Metric.Name);
        Assert.Equal(new SeriesQuery("cpu", "web-1", null), sameSource.Query);
    }

    [Fact]
    public void CombinedTaggedSeriesKeepTheTagsAllInputsShare()
    {
        var prod = Evaluate("sum(s(\"req\",{\"env\":\"prod\"}))").Single();
        var all = Evaluate("sum(s(\"req\",{}))").Single();

        Assert.Equal(new[] { (0L, 4.0), (60L, 7.0) }, Points(prod));
        Assert.Equal("env=prod", CompositeJson.SourceName(prod));
        Assert.Equal(new[] { (0L, 104.0), (60L, 7.0) }, Points(all));
        Assert.Equal(0, all.Tags!.Count);
        Assert.Equal("all", CompositeJson.SourceName(all));
    }

    [Fact]
    public void DivideNeedsExactlyTwoSeriesAndSkipsZeroDivisors()
    {
        Assert.Equal(new[] { (0L, 0.5), (60L, 0.75) }, Points(Evaluate("divide([s(\"cpu\",\"web-1\"), s(\"mem\",\"web-1\")])").Single()));
        Assert.Equal(new[] { (0L, 0.2), (60L, 1.5) }, Points(Evaluate("divide(s(\"cpu\",\"web-*\"))").Single()));
        Assert.Empty(Evaluate("divide(s(\"cpu\",\"*\"))"));
        Assert.Empty(Evaluate("divide(s(\"cpu\",\"web-1\"))"));
    }

    [Theory]
    [InlineData("{factor:\"2\"}", new[] { 2.0, 6.0, 12.0 })]
    [InlineData("{factor:0.5}", new[] { 0.5, 1.5, 3.0 })]
    [InlineData("{factor:\"1/4\"}", new[] { 0.25, 0.75, 1.5 })]
    [InlineData("{factor:\"-1\"}", new[] { -1.0, -3.0, -6.0 })]
    public void ScaleMultipliesEveryValue(string options, double[] expected)
    {
        Assert.Equal(new[] { 0L, 60L, 120L }.Zip(expected), Points(Evaluate($"scale(s(\"cpu\",\"web-1\"),{options})").Single()));
    }

    [Fact]
    public void AbsRemovesTheSign()
    {
        Assert.Equal(new[] { (0L, 2.0), (60L, 3.0), (120L, 4.5) }, Points(Evaluate("abs(s(\"delta\",\"*\"))").Single()));
    }

    [Fact]
    public void DeriveGivesTheChangeFromThePreviousPointAndDropsTheFirst()
    {
        Assert.Equal(new[] { (60L, 2.0), (120L, 3.0) }, Points(Evaluate("derive(s(\"cpu\",\"web-1\"))").Single()));
        Assert.Equal(new[] { (60L, 4.0), (120L, -6.0), (180L, 1.0) }, Points(Evaluate("derive(s(\"ctr\",\"*\"))").Single()));
        Assert.Equal(new[] { (60L, 4.0), (120L, -6.0), (180L, 1.0) }, Points(Evaluate("derive(s(\"ctr\",\"*\"),{detect_reset:\"false\"})").Single()));
        Assert.Empty(Evaluate("derive(s(\"cpu\",\"web-2\"))", end: B + 30).Single().Samples);
    }

    [Theory]
    [InlineData("{detect_reset:\"true\"}")]
    [InlineData("{detect_reset:true}")]
    public void DeriveWithResetDetectionTakesTheNewValueAfterADrop(string options)
    {
        Assert.Equal(new[] { (60L, 4.0), (120L, 3.0), (180L, 1.0) }, Points(Evaluate($"derive(s(\"ctr\",\"*\"),{options})").Single()));
    }

    [Fact]
    public void IntegrateGivesTheRunningTotal()
    {
        Assert.Equal(new[] { (0L, 1.0), (60L, 4.0), (120L, 10.0) }, Points(Evaluate("integrate(s(\"cpu\",\"web-1\"))").Single()));
    }

    [Theory]
    [InlineData("{size:3}", new[] { 2.0, 3.0, 4.0, 5.0 })]
    [InlineData("{size:\"3\",function:\"mean\"}", new[] { 2.0, 3.0, 4.0, 5.0 })]
    [InlineData("{size:3,function:\"sum\"}", new[] { 6.0, 9.0, 12.0, 15.0 })]
    [InlineData("{size:3,function:\"min\"}", new[] { 1.0, 2.0, 3.0, 4.0 })]
    [InlineData("{size:3,function:\"max\"}", new[] { 3.0, 4.0, 5.0, 6.0 })]
    [InlineData("{size:3,function:\"median\"}", new[] { 2.0, 3.0, 4.0, 5.0 })]
    public void WindowComputesOverEachPointAndThePointsBeforeIt(string options, double[] expected)
    {
        var series = Evaluate($"window(s(\"w\",\"*\"),{options})", end: B + 300).Single();

        Assert.Equal(new[] { 120L, 180L, 240L, 300L }.Zip(expected), Points(series));
    }

    [Fact]
    public void WindowMedianOfAnEvenSizeIsTheMeanOfTheMiddleValues()
    {
        var series = Evaluate("window(s(\"w\",\"*\"),{size:4,function:\"median\"})", end: B + 300).Single();

        Assert.Equal(new[] { (180L, 2.5), (240L, 3.5), (300L, 4.5) }, Points(series));
    }

    [Fact]
    public void WindowOfOneKeepsTheSeriesAndALongerOneThanTheSeriesEmptiesIt()
    {
        Assert.Equal(6, Evaluate("window(s(\"w\",\"*\"))", end: B + 300).Single().Samples.Length);
        Assert.Empty(Evaluate("window(s(\"w\",\"*\"),{size:7})", end: B + 300).Single().Samples);
    }

    [Fact]
    public void MovingAverageIsAWindowMean()
    {
        var series = Evaluate("moving_average(s(\"w\",\"*\"),{size:\"2\"})", end: B + 300).Single();

        Assert.Equal(new[] { (60L, 1.5), (120L, 2.5), (180L, 3.5), (240L, 4.5), (300L, 5.5) }, Points(series));
    }

    [Fact]
    public void ZeroFillAddsZerosForEveryMissingBucketOfTheWindow()
    {
        Assert.Equal(new[] { (0L, 5.0), (60L, 2.0), (120L, 0.0), (180L, 0.0) }, Points(Evaluate("zero_fill(s(\"cpu\",\"web-2\"))").Single()));
        Assert.Equal(new[] { (-60L, 5.0), (60L, 2.0), (180L, 0.0) }, Points(Evaluate("zero_fill(s(\"cpu\",\"web-2\",{period:120}))").Single()));
        Assert.Equal(new[] { (0L, 5.0), (60L, 2.0), (120L, -1.0), (180L, -1.0) }, Points(Evaluate("fill(s(\"cpu\",\"web-2\"),{value:\"-1\"})").Single()));
    }

    [Fact]
    public void ZeroFillRefusesToProduceAnUnboundedSeries()
    {
        var exception = Assert.Throws<CompositeException>(() => Evaluate("zero_fill(s(\"cpu\",\"web-2\"))", end: B + 200_000, resolution: 1));

        Assert.StartsWith("zero_fill would fill more than 100000 points per series", exception.Message);
    }

    [Fact]
    public void TimeshiftReadsAnEarlierWindowAndMovesItsPointsIntoTheRequestedOne()
    {
        Assert.Equal(new[] { (0L, 7.0) }, Points(Evaluate("timeshift(\"1h\",s(\"ts\",\"*\"))").Single()));
        Assert.Equal(new[] { (0L, 7.0) }, Points(Evaluate("timeshift(\"-60m\",s(\"ts\",\"*\"))").Single()));
        Assert.Equal(new[] { (0L, 11.0) }, Points(Evaluate("timeshift(\"+3600s\",s(\"ts\",\"*\"))").Single()));
        Assert.Equal(new[] { (0L, 9.0) }, Points(Evaluate("timeshift(\"0\",s(\"ts\",\"*\"))").Single()));
    }

    [Fact]
    public void TimeshiftReturnsTheSeriesOfEachShiftInTheOrderGiven()
    {
        Assert.Equal(new[] { 9.0, 7.0, 11.0 }, Evaluate("timeshift(\"0,1,+1h\",s(\"ts\",\"*\"))").Select(r => Points(r).Single().Item2));
        Assert.Equal(new[] { 7.0, 9.0 }, Evaluate("timeshift(\"1,0h\",s(\"ts\",\"*\"))").Select(r => Points(r).Single().Item2));
    }

    [Fact]
    public void TimeshiftEvaluatesTheWholeInnerSetOverTheShiftedWindow()
    {
        var shifted = Evaluate("timeshift(\"1m\",derive(s(\"cpu\",\"web-1\")))", end: B + 180).Single();

        Assert.Equal(new[] { (120L, 2.0), (180L, 3.0) }, Points(shifted));
    }

    [Fact]
    public void FunctionsCompose()
    {
        var series = Evaluate("scale(integrate(sum(s(\"cpu\",\"web-*\"))),{factor:\"1/2\"})").Single();

        Assert.Equal(new[] { (0L, 3.0), (60L, 5.5), (120L, 8.5) }, Points(series));
    }

    private List<ResultSeries> Evaluate(string text, long start = B, long end = B + 180, long resolution = 60) =>
        CompositeDefinition.Compile(text).Evaluate(store, start, end, resolution);

    private static (long, double)[] Points(ResultSeries series) => series.Samples.Select(s => (s.Time - B, s.Value)).ToArray();

    private static string[] Keys(List<ResultSeries> result) => result.Select(CompositeJson.SourceName).ToArray();

    private void Legacy(string name, string? source, params (long Offset, double Value)[] points)
    {
        var series = store.GetOrCreate(name, MetricType.Gauge, default).GetLegacySeries(source);
        foreach (var (offset, value) in points)
        {
            series.Upsert(Point.FromValue(B + offset, value));
        }
    }

    private void Tagged(string name, (string, string)[] tags, params (long Offset, double Value)[] points)
    {
        var tagSet = TagSet.FromNormalizedPairs(tags.Select(t => new KeyValuePair<string, string>(t.Item1, t.Item2)).ToList());
        var series = store.GetOrCreate(name, MetricType.Gauge, default).GetTaggedSeries(tagSet);
        foreach (var (offset, value) in points)
        {
            series.Upsert(Point.FromValue(B + offset, value));
        }
    }
}
