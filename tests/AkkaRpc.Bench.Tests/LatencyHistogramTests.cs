using AkkaRpc.Bench.Metrics;

namespace AkkaRpc.Bench.Tests;

public sealed class LatencyHistogramTests
{
    private static readonly double[] s_percentiles = [0, 1, 10, 25, 50, 75, 90, 95, 99, 99.9, 99.99, 100];

    [Fact]
    public void Percentiles_OfUniformData_AreWithinTheRelativePrecision()
    {
        var random = new Random(1);
        long[] values = Enumerable.Range(0, 200_000).Select(_ => random.NextInt64(1_000, 10_000_000)).ToArray();
        AssertPercentilesWithinBound(values);
    }

    [Fact]
    public void Percentiles_OfExponentialData_AreWithinTheRelativePrecision()
    {
        var random = new Random(2);
        long[] values = Enumerable.Range(0, 200_000)
            .Select(_ => (long)(-Math.Log(1 - random.NextDouble()) * 50_000) + 200)
            .ToArray();
        AssertPercentilesWithinBound(values);
    }

    [Fact]
    public void Percentiles_OfAFewFixedValues_AreExactAtTheEnds()
    {
        long[] values = [100, 100, 100, 5_000, 5_000, 1_000_000];
        LatencyHistogram histogram = Fill(values);

        Assert.Equal(100, histogram.ValueAtPercentile(50));
        Assert.Equal(100, histogram.Min);
        Assert.Equal(1_000_000, histogram.Max);
        Assert.Equal(1_000_000, histogram.ValueAtPercentile(100));
        AssertPercentilesWithinBound(values);
    }

    [Fact]
    public void Values_BelowTheSubBucketCount_AreCountedExactly()
    {
        long[] values = Enumerable.Range(0, (int)LatencyHistogram.SubBucketCount).Select(i => (long)i).ToArray();
        LatencyHistogram histogram = Fill(values);

        foreach (double p in s_percentiles)
        {
            Assert.Equal(ExactPercentile(values, p), histogram.ValueAtPercentile(p));
        }
    }

    [Fact]
    public void MeanAndStdDev_AreExact()
    {
        long[] values = [10, 20, 30, 40, 1_000_000_007];
        LatencyHistogram histogram = Fill(values);

        double mean = values.Average(v => (double)v);
        double stdDev = Math.Sqrt(values.Average(v => (v - mean) * (v - mean)));
        Assert.Equal(mean, histogram.Mean, 6);
        Assert.Equal(stdDev, histogram.StdDev, 3);
        Assert.Equal(values.Length, histogram.Count);
    }

    [Fact]
    public void Buckets_CoverEveryValueWithinTheirWidthBound()
    {
        var random = new Random(3);
        IEnumerable<long> values = Enumerable.Range(0, 10_000).Select(_ => random.NextInt64(0, long.MaxValue))
            .Concat([0, 1, 127, 128, 129, 255, 256, long.MaxValue]);

        foreach (long value in values)
        {
            int index = LatencyHistogram.IndexOf(value);
            long lower = LatencyHistogram.LowerBoundOf(index);
            Assert.True(value >= lower && value - lower <= Math.Max(1, lower / 64), $"{value} is not in the bucket starting at {lower}");
            if (index > 0)
            {
                Assert.True(LatencyHistogram.LowerBoundOf(index - 1) < lower, "bucket lower bounds increase");
            }
        }
    }

    [Fact]
    public void Merge_OfTwoHistograms_EqualsTheHistogramOfTheUnion()
    {
        var random = new Random(4);
        long[] first = Enumerable.Range(0, 50_000).Select(_ => random.NextInt64(500, 2_000_000)).ToArray();
        long[] second = Enumerable.Range(0, 30_000).Select(_ => random.NextInt64(10, 90_000_000)).ToArray();

        LatencyHistogram merged = Fill(first);
        merged.Merge(Fill(second));
        LatencyHistogram union = Fill([.. first, .. second]);

        Assert.True(merged.HasSameBucketsAs(union));
        Assert.Equal(union.Count, merged.Count);
        Assert.Equal(union.Mean, merged.Mean, 6);
        Assert.Equal(union.StdDev, merged.StdDev, 3);
        Assert.Equal(union.Summarize() with { MeanNs = 0, StdDevNs = 0 }, merged.Summarize() with { MeanNs = 0, StdDevNs = 0 });
    }

    [Fact]
    public void Merge_IntoAnEmptyHistogram_CopiesTheOther()
    {
        LatencyHistogram source = Fill([5, 500, 50_000]);
        var empty = new LatencyHistogram();
        empty.Merge(source);
        empty.Merge(new LatencyHistogram());

        Assert.True(empty.HasSameBucketsAs(source));
        Assert.Equal(source.Summarize(), empty.Summarize());
    }

    [Fact]
    public void EmptyHistogram_ReportsZeros()
    {
        var histogram = new LatencyHistogram();
        Assert.Equal(new LatencySummary(0, 0, 0, 0, 0, 0, 0, 0, 0), histogram.Summarize());
    }

    [Fact]
    public void Record_OfANegativeValue_Throws()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => new LatencyHistogram().Record(-1));
        Assert.Throws<ArgumentOutOfRangeException>(() => new LatencyHistogram().ValueAtPercentile(101));
    }

    private static void AssertPercentilesWithinBound(long[] values)
    {
        LatencyHistogram histogram = Fill(values);
        foreach (double p in s_percentiles)
        {
            long exact = ExactPercentile(values, p);
            long reported = histogram.ValueAtPercentile(p);
            double error = Math.Abs(reported - exact) / (double)Math.Max(1, exact);
            Assert.True(
                error <= LatencyHistogram.RelativePrecision,
                $"p{p}: reported {reported}, exact {exact}, relative error {error:P3} > {LatencyHistogram.RelativePrecision:P3}");
        }
    }

    private static long ExactPercentile(long[] values, double percentile)
    {
        long[] sorted = values.Order().ToArray();
        long rank = Math.Clamp((long)Math.Ceiling(percentile / 100.0 * sorted.Length), 1, sorted.Length);
        return sorted[rank - 1];
    }

    private static LatencyHistogram Fill(IEnumerable<long> values)
    {
        var histogram = new LatencyHistogram();
        foreach (long value in values)
        {
            histogram.Record(value);
        }

        return histogram;
    }
}
