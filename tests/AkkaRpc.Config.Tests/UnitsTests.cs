namespace AkkaRpc.Config.Tests;

public sealed class UnitsTests
{
    public static TheoryData<string, long> Durations => new()
    {
        { "100", 100 * TimeSpan.TicksPerMillisecond },
        { "1500ns", 15 },
        { "100 nano", 1 },
        { "200 nanos", 2 },
        { "300nanosecond", 3 },
        { "400 nanoseconds", 4 },
        { "7us", 70 },
        { "1 micro", 10 },
        { "2 micros", 20 },
        { "3 microsecond", 30 },
        { "4 microseconds", 40 },
        { "250ms", 250 * TimeSpan.TicksPerMillisecond },
        { "1 milli", TimeSpan.TicksPerMillisecond },
        { "2 millis", 2 * TimeSpan.TicksPerMillisecond },
        { "3 millisecond", 3 * TimeSpan.TicksPerMillisecond },
        { "4 milliseconds", 4 * TimeSpan.TicksPerMillisecond },
        { "10s", 10 * TimeSpan.TicksPerSecond },
        { "1 second", TimeSpan.TicksPerSecond },
        { "10 seconds", 10 * TimeSpan.TicksPerSecond },
        { "2m", 2 * TimeSpan.TicksPerMinute },
        { "1 minute", TimeSpan.TicksPerMinute },
        { "3 minutes", 3 * TimeSpan.TicksPerMinute },
        { "1h", TimeSpan.TicksPerHour },
        { "1.5h", 90 * TimeSpan.TicksPerMinute },
        { "1 hour", TimeSpan.TicksPerHour },
        { "2 hours", 2 * TimeSpan.TicksPerHour },
        { "1d", TimeSpan.TicksPerDay },
        { "1 day", TimeSpan.TicksPerDay },
        { "7 days", 7 * TimeSpan.TicksPerDay },
        { "  30s  ", 30 * TimeSpan.TicksPerSecond },
        { "-5s", -5 * TimeSpan.TicksPerSecond },
        { "0.5s", 500 * TimeSpan.TicksPerMillisecond },
    };

    [Theory]
    [MemberData(nameof(Durations))]
    public void Duration_units_parse_to_the_exact_timespan(string text, long ticks)
    {
        Assert.Equal(TimeSpan.FromTicks(ticks), HoconDurations.Parse(text));
    }

    [Theory]
    [InlineData("")]
    [InlineData("s")]
    [InlineData("10 fortnights")]
    [InlineData("10S")]
    [InlineData("10 s x")]
    [InlineData("1e3s")]
    [InlineData("99999999999 days")]
    public void Invalid_durations_are_rejected(string text)
    {
        Assert.False(HoconDurations.TryParse(text, out _));
        var error = Assert.Throws<FormatException>(() => HoconDurations.Parse(text));
        Assert.Contains($"'{text}' is not a duration", error.Message, StringComparison.Ordinal);
    }

    public static TheoryData<string, long> Sizes => new()
    {
        { "512", 512 },
        { "1B", 1 },
        { "2b", 2 },
        { "3 byte", 3 },
        { "4 bytes", 4 },
        { "10kB", 10_000 },
        { "1 kilobyte", 1_000 },
        { "2 kilobytes", 2_000 },
        { "1MB", 1_000_000 },
        { "2 megabytes", 2_000_000 },
        { "1GB", 1_000_000_000 },
        { "1 gigabyte", 1_000_000_000 },
        { "1TB", 1_000_000_000_000 },
        { "1 terabytes", 1_000_000_000_000 },
        { "1PB", 1_000_000_000_000_000 },
        { "1 petabyte", 1_000_000_000_000_000 },
        { "1EB", 1_000_000_000_000_000_000 },
        { "1 exabytes", 1_000_000_000_000_000_000 },
        { "128K", 128 * 1024 },
        { "128k", 128 * 1024 },
        { "128Ki", 128 * 1024 },
        { "128KiB", 128 * 1024 },
        { "1 kibibyte", 1024 },
        { "2 kibibytes", 2048 },
        { "16M", 16L << 20 },
        { "16m", 16L << 20 },
        { "16Mi", 16L << 20 },
        { "16MiB", 16L << 20 },
        { "1 mebibyte", 1L << 20 },
        { "1G", 1L << 30 },
        { "1g", 1L << 30 },
        { "1Gi", 1L << 30 },
        { "1GiB", 1L << 30 },
        { "2 gibibytes", 2L << 30 },
        { "1T", 1L << 40 },
        { "1t", 1L << 40 },
        { "1TiB", 1L << 40 },
        { "1 tebibyte", 1L << 40 },
        { "1P", 1L << 50 },
        { "1p", 1L << 50 },
        { "1PiB", 1L << 50 },
        { "1 pebibytes", 1L << 50 },
        { "1E", 1L << 60 },
        { "1e", 1L << 60 },
        { "1EiB", 1L << 60 },
        { "1 exbibyte", 1L << 60 },
        { "1.5KiB", 1536 },
        { " 64 MiB ", 64L << 20 },
    };

    [Theory]
    [MemberData(nameof(Sizes))]
    public void Size_units_parse_to_the_exact_byte_count(string text, long bytes)
    {
        Assert.Equal(bytes, HoconSizes.Parse(text));
    }

    [Theory]
    [InlineData("")]
    [InlineData("KiB")]
    [InlineData("10KB")]
    [InlineData("10 kib")]
    [InlineData("-1KiB")]
    [InlineData("8EiB")]
    [InlineData("10 bits")]
    public void Invalid_sizes_are_rejected(string text)
    {
        Assert.False(HoconSizes.TryParse(text, out _));
        var error = Assert.Throws<FormatException>(() => HoconSizes.Parse(text));
        Assert.Contains($"'{text}' is not a size", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Document_getters_read_units_and_bare_numbers_in_the_default_unit()
    {
        var doc = HoconDocument.Parse("""
            timeout = 10 seconds
            quick = 250ms
            bare-duration = 1500
            frame = 16MiB
            bare-size = 4096
            """);

        Assert.Equal(TimeSpan.FromSeconds(10), doc.GetDuration("timeout"));
        Assert.Equal(TimeSpan.FromMilliseconds(250), doc.GetDuration("quick"));
        Assert.Equal(TimeSpan.FromMilliseconds(1500), doc.GetDuration("bare-duration"));
        Assert.Equal(16L << 20, doc.GetByteSize("frame"));
        Assert.Equal(4096, doc.GetByteSize("bare-size"));
        Assert.Equal("16MiB", doc.GetString("frame"));
    }
}
