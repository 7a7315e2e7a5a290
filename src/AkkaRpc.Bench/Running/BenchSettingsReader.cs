using System.Globalization;
using Microsoft.Extensions.Configuration;

namespace AkkaRpc.Bench.Running;

/// <summary>Reads <see cref="BenchSettings"/> from the <c>bench</c> section (HOCON <c>akkarpc.bench</c>), over given defaults.</summary>
internal static class BenchSettingsReader
{
    /// <summary>Returns <paramref name="suite"/>'s defaults with every key present under <c>bench</c> (or <c>bench:quick</c> when <paramref name="quick"/>) applied.</summary>
    public static BenchSettings Read(IConfiguration configuration, BenchSuiteKind suite, bool quick)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        var settings = Apply(configuration.GetSection("bench"), BenchSettings.For(suite, quick), includeSizes: !quick);
        return quick ? Apply(configuration.GetSection("bench:quick"), settings, includeSizes: true) : settings;
    }

    private static BenchSettings Apply(IConfigurationSection s, BenchSettings d, bool includeSizes) => d with
    {
        NumSerialConnections = Int(s, "num-serial-connections", d.NumSerialConnections),
        NumRequests = Int(s, "num-requests", d.NumRequests),
        NumParallelClients = Int(s, "num-parallel-clients", d.NumParallelClients),
        RequestsPerClient = Int(s, "requests-per-client", d.RequestsPerClient),
        Warmup = Int(s, "warmup-requests", d.Warmup, min: 0),
        BandwidthSizes = includeSizes ? Sizes(s, "bandwidth-sizes", d.BandwidthSizes.Select(x => (long)x).ToList()).Select(x => checked((int)x)).ToList() : d.BandwidthSizes,
        BandwidthIterations = Int(s, "bandwidth-iterations", d.BandwidthIterations),
        TestBinaryTransfer = s["test-binary-transfer"] is { } b ? bool.Parse(b) : d.TestBinaryTransfer,
        BinaryFileSizes = includeSizes ? Sizes(s, "binary-file-sizes", d.BinaryFileSizes) : d.BinaryFileSizes,
        BinaryChunkSize = Int(s, "binary-chunk-size", d.BinaryChunkSize),
        BinaryIterations = Int(s, "binary-iterations", d.BinaryIterations),
        MaxStepDuration = s["max-step-duration"] is { } t ? TimeSpan.FromSeconds(double.Parse(t.TrimEnd('s'), CultureInfo.InvariantCulture)) : d.MaxStepDuration,
        Rounds = Int(s, "rounds", d.Rounds),
        PipelinedRequests = Int(s, "pipelined-requests", d.PipelinedRequests),
        PipelinedInFlight = Int(s, "pipelined-in-flight", d.PipelinedInFlight),
    };

    private static int Int(IConfigurationSection s, string key, int fallback, int min = 1)
    {
        if (s[key] is not { } text)
        {
            return fallback;
        }

        return int.TryParse(text, NumberStyles.Integer, CultureInfo.InvariantCulture, out int value) && value >= min
            ? value
            : throw new InvalidOperationException($"Configuration key 'akkarpc.{s.Path.Replace(':', '.')}.{key}' must be a whole number of at least {min}, not '{text}'.");
    }

    private static IReadOnlyList<long> Sizes(IConfigurationSection s, string key, IReadOnlyList<long> fallback)
    {
        var items = s.GetSection(key).GetChildren().Select(c => c.Value).ToList();
        if (items.Count == 0)
        {
            return fallback;
        }

        return items.Select(text => long.TryParse(text, NumberStyles.Integer, CultureInfo.InvariantCulture, out long v) && v > 0
            ? v
            : throw new InvalidOperationException($"Configuration key 'akkarpc.{s.Path.Replace(':', '.')}.{key}' must list sizes in bytes, not '{text}'.")).ToList();
    }
}
