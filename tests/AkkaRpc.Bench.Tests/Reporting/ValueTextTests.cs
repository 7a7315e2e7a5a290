using AkkaRpc.Bench.Reporting.Html;

namespace AkkaRpc.Bench.Tests.Reporting;

public sealed class ValueTextTests
{
    [Theory]
    [InlineData(0, "0")]
    [InlineData(112_000, "112,000")]
    [InlineData(1_250_000.4, "1,250,000")]
    [InlineData(38.25, "38.3")]
    [InlineData(3.14159, "3.14")]
    [InlineData(0.0123, "0.012")]
    [InlineData(-42.5, "-42.5")]
    [InlineData(0.00002, "2E-5")]
    [InlineData(double.NaN, "n/a")]
    public void FormatNumber_PrintsShortCultureFreeNumbers(double value, string expected)
        => Assert.Equal(expected, ValueText.FormatNumber(value));

    [Theory]
    [InlineData(0, "0 B")]
    [InlineData(512, "512 B")]
    [InlineData(1023.4, "1023 B")]
    [InlineData(1023.6, "1 KiB")]
    [InlineData(1536, "1.5 KiB")]
    [InlineData(65_536, "64 KiB")]
    [InlineData(1_048_576, "1 MiB")]
    [InlineData(5_242_880, "5 MiB")]
    [InlineData(134_217_728, "128 MiB")]
    public void FormatBytes_UsesBinaryUnits(double bytes, string expected)
        => Assert.Equal(expected, ValueText.FormatBytes(bytes));

    [Fact]
    public void FormatWithUnit_AppendsTheAxisUnitExceptToBytes()
    {
        Assert.Equal("38.3 µs", ValueText.FormatWithUnit(38.25, new ChartAxis("Latency", "µs")));
        Assert.Equal("8", ValueText.FormatWithUnit(8, new ChartAxis("Clients", "")));
        Assert.Equal("64 KiB", ValueText.FormatWithUnit(65_536, new ChartAxis("Payload", "bytes", Format: ValueFormat.Bytes)));
    }

    [Fact]
    public void ByteRates_KeepTheirPerSecondInTicksAndTooltips()
    {
        var rate = new ChartAxis("Bandwidth", "bytes/s", AxisScale.Log, ValueFormat.Bytes);

        Assert.Equal("1.5 MiB/s", ValueText.FormatWithUnit(1_572_864, rate));
        Assert.Equal("64 KiB/s", ValueText.TickLabel(65_536, rate));
        Assert.Equal("64 KiB", ValueText.TickLabel(65_536, new ChartAxis("Payload", "B", Format: ValueFormat.Bytes)));
        Assert.Equal("20,000", ValueText.TickLabel(20_000, new ChartAxis("Throughput", "req/s")));
    }

    [Fact]
    public void AxisTitle_PutsTheUnitInBrackets()
    {
        Assert.Equal("Bandwidth (MB/s)", ValueText.AxisTitle(new ChartAxis("Bandwidth", "MB/s")));
        Assert.Equal("Clients", ValueText.AxisTitle(new ChartAxis("Clients", "")));
    }
}
