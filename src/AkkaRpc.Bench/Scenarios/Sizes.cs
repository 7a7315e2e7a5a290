using System.Globalization;

namespace AkkaRpc.Bench.Scenarios;

/// <summary>Byte sizes as people write them (1 KB, 1.5 MB), in powers of 1024 as rpycbench's sizes are.</summary>
internal static class Sizes
{
    /// <summary>Formats <paramref name="bytes"/> with the largest unit that keeps it at least 1.</summary>
    public static string Format(long bytes) => bytes switch
    {
        >= 1L << 30 => Scaled(bytes, 1L << 30, "GB"),
        >= 1L << 20 => Scaled(bytes, 1L << 20, "MB"),
        >= 1L << 10 => Scaled(bytes, 1L << 10, "KB"),
        _ => bytes.ToString(CultureInfo.InvariantCulture) + " B",
    };

    private static string Scaled(long bytes, long unit, string name) =>
        (bytes / (double)unit).ToString("0.##", CultureInfo.InvariantCulture) + " " + name;
}
