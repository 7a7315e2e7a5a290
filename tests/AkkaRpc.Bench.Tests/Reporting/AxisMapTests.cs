using AkkaRpc.Bench.Reporting.Html;

namespace AkkaRpc.Bench.Tests.Reporting;

public sealed class AxisMapTests
{
    private static readonly ChartAxis s_linear = new("Throughput", "req/s");
    private static readonly ChartAxis s_log = new("Latency", "µs", AxisScale.Log);
    private static readonly ChartAxis s_logBytes = new("Payload", "", AxisScale.Log, ValueFormat.Bytes);

    [Fact]
    public void Linear_StartsAtZeroAndEndsOnARoundTickAboveTheLargestValue()
    {
        AxisMap map = AxisMap.Create(s_linear, [21_000, 112_000, 65_000], 0, 1);

        Assert.Equal(0, map.DomainMin);
        Assert.Equal(125_000, map.DomainMax);
        Assert.Equal([0, 25_000, 50_000, 75_000, 100_000, 125_000], map.Ticks);
    }

    [Fact]
    public void Linear_MapsTheDomainOntoThePixelRangeEvenWhenItRunsUpwards()
    {
        // A vertical axis: zero at the bottom pixel (300), the top of the domain at the top pixel (20).
        AxisMap map = AxisMap.Create(s_linear, [10], 300, 20);

        Assert.Equal(300, map.Map(0), 6);
        Assert.Equal(20, map.Map(map.DomainMax), 6);
        Assert.Equal(160, map.Map(map.DomainMax / 2), 6);
    }

    [Fact]
    public void Linear_DecimalStepsDoNotAccumulateRoundingError()
    {
        AxisMap map = AxisMap.Create(s_linear, [0.7], 0, 1);

        Assert.Equal([0, 0.2, 0.4, 0.6000000000000001, 0.8], map.Ticks);
        Assert.Equal(["0", "0.2", "0.4", "0.6", "0.8"], map.Ticks.Select(t => ValueText.Format(t, ValueFormat.Number)));
    }

    [Fact]
    public void Linear_NegativeValuesExtendTheDomainBelowZero()
    {
        AxisMap map = AxisMap.Create(s_linear, [-3, 8], 0, 1);

        Assert.Equal(-5, map.DomainMin);
        Assert.Equal(10, map.DomainMax);
        Assert.Contains(0, map.Ticks);
    }

    [Fact]
    public void Linear_NoValues_GivesAUsableUnitAxis()
    {
        AxisMap map = AxisMap.Create(s_linear, [], 0, 100);

        Assert.Equal(0, map.DomainMin);
        Assert.Equal(1, map.DomainMax);
        Assert.Equal(50, map.Map(0.5), 6);
    }

    [Fact]
    public void LinearBytes_StepsInPowersOfTwo()
    {
        AxisMap map = AxisMap.Create(new ChartAxis("Size", "", AxisScale.Linear, ValueFormat.Bytes), [1_048_576], 0, 1);

        Assert.Equal(["0 B", "256 KiB", "512 KiB", "768 KiB", "1 MiB"], map.Ticks.Select(t => ValueText.Format(t, ValueFormat.Bytes)));
    }

    [Theory]
    [InlineData(0.7, 1)]
    [InlineData(1.0, 1)]
    [InlineData(1.3, 2)]
    [InlineData(2.2, 2.5)]
    [InlineData(3.0, 5)]
    [InlineData(7.0, 10)]
    [InlineData(0.03, 0.05)]
    [InlineData(1200, 2000)]
    public void NiceStep_RoundsUpToOneTwoTwoAndAHalfOrFiveTimesAPowerOfTen(double raw, double expected)
        => Assert.Equal(expected, AxisMap.NiceStep(raw), 9);

    [Fact]
    public void Log_FewDecades_TicksAtOneTwoFiveAndEndsAtTheRungsAroundTheData()
    {
        AxisMap map = AxisMap.Create(s_log, [1, 8, 128], 0, 1);

        Assert.Equal(1, map.DomainMin);
        Assert.Equal(200, map.DomainMax);
        Assert.Equal([1, 2, 5, 10, 20, 50, 100, 200], map.Ticks);
    }

    [Fact]
    public void Log_EqualRatiosTakeEqualDistances()
    {
        AxisMap map = AxisMap.Create(s_log, [1, 100], 0, 200);

        Assert.Equal(0, map.Map(1), 6);
        Assert.Equal(100, map.Map(10), 6);
        Assert.Equal(200, map.Map(100), 6);
    }

    [Fact]
    public void Log_ManyDecades_TicksAtEveryOtherPowerOfTenAtMost()
    {
        AxisMap map = AxisMap.Create(s_log, [0.001, 5e9], 0, 1);

        Assert.Equal(1e-3, map.DomainMin, 12);
        Assert.Equal(1e11, map.DomainMax, 0);
        Assert.Equal(8, map.Ticks.Count);
        Assert.Equal([-3, -1, 1, 3, 5, 7, 9, 11], map.Ticks.Select(t => (int)Math.Round(Math.Log10(t))));
    }

    [Fact]
    public void Log_ExactPowersAreNotWidenedByFloatingPointNoise()
    {
        // log10(1e-3) is -2.9999999999999996 in doubles; the axis must still start at 1e-3, not 1e-4.
        AxisMap map = AxisMap.Create(s_log, [1e-3, 1e3, 1e4, 1e5], 0, 1);

        Assert.Equal(1e-3, map.DomainMin, 12);
        Assert.Equal(1e5, map.DomainMax, 6);
    }

    [Fact]
    public void Log_IgnoresValuesItCannotShow()
    {
        AxisMap map = AxisMap.Create(s_log, [0, -5, double.NaN, double.PositiveInfinity, 30, 400], 0, 1);

        Assert.Equal(20, map.DomainMin);
        Assert.Equal(500, map.DomainMax);
        Assert.False(map.CanShow(0));
        Assert.False(map.CanShow(-1));
        Assert.False(map.CanShow(double.NaN));
        Assert.True(map.CanShow(30));
    }

    [Fact]
    public void Log_SingleValue_StillSpansTwoTicks()
    {
        AxisMap map = AxisMap.Create(s_log, [42], 0, 1);

        Assert.Equal([20, 50], map.Ticks);
    }

    [Fact]
    public void LogBytes_TicksAtPowersOfTwoLabelledInBinaryUnits()
    {
        AxisMap map = AxisMap.Create(s_logBytes, SampleReports.PayloadSizes.Select(s => (double)s), 0, 1);

        Assert.Equal(1024, map.DomainMin);
        Assert.Equal(1_048_576, map.DomainMax);
        Assert.Equal(["1 KiB", "4 KiB", "16 KiB", "64 KiB", "256 KiB", "1 MiB"], map.Ticks.Select(t => ValueText.Format(t, ValueFormat.Bytes)));
    }

    [Fact]
    public void LogBytes_UnevenRangeEndsOnATickAboveTheData()
    {
        // 2^9 .. 2^20 is 11 doublings: every second power of two, so the top tick is 2^21.
        AxisMap map = AxisMap.Create(s_logBytes, [512, 1_000_000], 0, 1);

        Assert.Equal(512, map.DomainMin);
        Assert.Equal(2_097_152, map.DomainMax);
        Assert.Equal(map.DomainMax, map.Ticks[^1]);
        Assert.All(map.Ticks, t => Assert.Equal(Math.Round(Math.Log2(t)), Math.Log2(t)));
    }
}
