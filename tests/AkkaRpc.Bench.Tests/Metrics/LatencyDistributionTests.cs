using AkkaRpc.Bench.Metrics;

namespace AkkaRpc.Bench.Tests.Metrics;

/// <summary>HdrHistogram for the percentiles, exact moments beside it, and merges that are exact across workers.</summary>
public sealed class LatencyDistributionTests
{
    private static readonly double[] s_percentiles = [0, 1, 10, 25, 50, 75, 90, 95, 99, 99.9, 99.99, 100];

    [Fact]
    public void Percentiles_OfUniformData_AreWithinTheRelativePrecision() =>
        AssertPercentilesWithinBound(Values(1, 200_000, r => r.NextInt64(1_000, 10_000_000)));

    [Fact]
    public void Percentiles_OfExponentialData_AreWithinTheRelativePrecision() =>
        AssertPercentilesWithinBound(Values(2, 200_000, r => (long)(-Math.Log(1 - r.NextDouble()) * 50_000) + 200));

    [Fact]
    public void Percentiles_OfAFewFixedValues_AreRecordedValuesAtTheEnds()
    {
        long[] values = [100, 100, 100, 5_000, 5_000, 1_000_000];
        var latency = Fill(values);

        Assert.Equal(100, latency.ValueAtPercentile(0));
        Assert.Equal(100, latency.ValueAtPercentile(50));
        Assert.Equal(1_000_000, latency.ValueAtPercentile(100));
        Assert.Equal((100L, 1_000_000L), (latency.Min, latency.Max));
        AssertPercentilesWithinBound(values);
    }

    [Fact]
    public void SmallValues_AreCountedExactly()
    {
        // Below 2,048 ns every nanosecond has a bucket of its own at 3 significant digits.
        long[] values = [.. Enumerable.Range(0, 2_048).Select(i => (long)i)];
        var latency = Fill(values);

        foreach (double p in s_percentiles)
        {
            Assert.Equal(Exact(values, p), latency.ValueAtPercentile(p));
        }
    }

    [Fact]
    public void MeanStdDevMinAndMax_AreExact_NotReadFromBuckets()
    {
        long[] values = [10, 20, 30, 40, 1_000_000_007];
        var latency = Fill(values);

        double mean = values.Average(v => (double)v);
        Assert.Equal(mean, latency.Mean, 6);
        Assert.Equal(Math.Sqrt(values.Average(v => (v - mean) * (v - mean))), latency.StdDev, 3);
        Assert.Equal((10L, 1_000_000_007L), (latency.Min, latency.Max));
        Assert.Equal(values.Length, latency.Count);
    }

    [Fact]
    public void Merge_OfWorkersHistograms_GivesThePercentilesOfTheWholeRun_NotAveragesOfPercentiles()
    {
        // Two workers with very different latencies: the run's p50 is neither worker's p50 nor their average.
        long[] fast = Values(3, 50_000, r => r.NextInt64(50_000, 100_000));
        long[] slow = Values(4, 30_000, r => r.NextInt64(1_000_000, 9_000_000));
        var merged = Fill(fast);
        merged.Merge(Fill(slow));
        var whole = Fill([.. fast, .. slow]);

        Assert.True(merged.HasSameBucketsAs(whole));
        Assert.Equal(whole.Summarize() with { MeanNs = 0, StdDevNs = 0 }, merged.Summarize() with { MeanNs = 0, StdDevNs = 0 });
        Assert.Equal(whole.Mean, merged.Mean, 6);
        Assert.Equal(whole.StdDev, merged.StdDev, 3);
        long[] all = [.. fast, .. slow];
        foreach (double p in s_percentiles)
        {
            AssertClose(Exact(all, p), merged.ValueAtPercentile(p), p);
        }

        double averageOfMedians = (Fill(fast).ValueAtPercentile(50) + Fill(slow).ValueAtPercentile(50)) / 2.0;
        Assert.True(Math.Abs(merged.ValueAtPercentile(50) - averageOfMedians) > averageOfMedians / 2, "the merged median must not be an average of medians");
    }

    [Fact]
    public void Merge_IntoAnEmptyOne_CopiesTheOther_AndMergingNothingChangesNothing()
    {
        var source = Fill([5, 500, 50_000]);
        var empty = new LatencyDistribution();
        empty.Merge(source);
        empty.Merge(new LatencyDistribution());

        Assert.True(empty.HasSameBucketsAs(source));
        Assert.Equal(source.Summarize(), empty.Summarize());
    }

    [Fact]
    public void Copy_IsNotChangedByLaterRecords()
    {
        var latency = Fill([1_000]);
        var copy = latency.Copy();
        latency.Record(2_000);

        Assert.Equal(1, copy.Count);
        Assert.Equal(1_000, copy.Max);
    }

    [Fact]
    public void AValueBeyondTheTrackableRange_CountsInTheTopBucket_WithItsExactMaxKept()
    {
        var latency = Fill([1_000, LatencyDistribution.HighestTrackableNs * 3]);

        Assert.Equal(2, latency.Count);
        Assert.Equal(LatencyDistribution.HighestTrackableNs * 3, latency.Max);
        Assert.Equal(LatencyDistribution.HighestTrackableNs * 3, latency.ValueAtPercentile(100));
    }

    [Fact]
    public void FromParts_RebuildsTheSameDistribution()
    {
        var source = Fill(Values(5, 1_000, r => r.NextInt64(1, 5_000_000)));

        var copy = LatencyDistribution.FromParts(source.Min, source.Max, source.Mean, source.SumOfSquaredDeviations, source.Buckets());

        Assert.True(copy.HasSameBucketsAs(source));
        Assert.Equal(source.Summarize(), copy.Summarize());
    }

    [Theory]
    [InlineData(-1L, 1L)]
    [InlineData(LatencyDistribution.HighestTrackableNs + 1, 1L)]
    [InlineData(100L, 0L)]
    [InlineData(100L, -5L)]
    public void FromParts_RefusesBucketsNoHistogramHas(long value, long count) =>
        Assert.Throws<ArgumentException>(() => LatencyDistribution.FromParts(1, 2, 1.5, 0, [(value, count)]));

    [Theory]
    [InlineData(-1L, 10L, 5.0, 0.0)]
    [InlineData(10L, 5L, 7.0, 0.0)]
    [InlineData(1L, 10L, double.NaN, 0.0)]
    [InlineData(1L, 10L, 50.0, 0.0)]
    [InlineData(1L, 10L, 5.0, -1.0)]
    public void FromParts_RefusesMomentsThatDoNotDescribeTheValues(long min, long max, double mean, double m2) =>
        Assert.Throws<ArgumentException>(() => LatencyDistribution.FromParts(min, max, mean, m2, [(5, 2)]));

    [Fact]
    public void Empty_ReportsZeros()
    {
        Assert.Equal(new LatencySummary(0, 0, 0, 0, 0, 0, 0, 0, 0), new LatencyDistribution().Summarize());
    }

    [Fact]
    public void ANegativeValueOrPercentile_IsRefused()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => new LatencyDistribution().Record(-1));
        Assert.Throws<ArgumentOutOfRangeException>(() => new LatencyDistribution().ValueAtPercentile(101));
        Assert.Throws<ArgumentOutOfRangeException>(() => new LatencyDistribution().ValueAtPercentile(double.NaN));
    }

    private static void AssertPercentilesWithinBound(long[] values)
    {
        var latency = Fill(values);
        foreach (double p in s_percentiles)
        {
            AssertClose(Exact(values, p), latency.ValueAtPercentile(p), p);
        }
    }

    private static void AssertClose(long exact, long reported, double p)
    {
        double error = Math.Abs(reported - exact) / (double)Math.Max(1, exact);
        Assert.True(
            error <= LatencyDistribution.RelativePrecision,
            $"p{p}: reported {reported}, exact {exact}, relative error {error:P3} > {LatencyDistribution.RelativePrecision:P3}");
    }

    // The value of rank round(p/100 · n), at least 1: HdrHistogram's definition of a percentile.
    private static long Exact(long[] values, double percentile)
    {
        long[] sorted = [.. values.Order()];
        long rank = Math.Clamp((long)((percentile / 100.0 * sorted.Length) + 0.5), 1, sorted.Length);
        return sorted[rank - 1];
    }

    private static long[] Values(int seed, int count, Func<Random, long> next)
    {
        var random = new Random(seed);
        return [.. Enumerable.Range(0, count).Select(_ => next(random))];
    }

    private static LatencyDistribution Fill(IEnumerable<long> values)
    {
        var latency = new LatencyDistribution();
        foreach (long value in values)
        {
            latency.Record(value);
        }

        return latency;
    }
}
