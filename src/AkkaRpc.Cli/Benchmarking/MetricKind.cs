using System.Text.Json.Serialization;

namespace AkkaRpc.Cli.Benchmarking;

/// <summary>What a scenario's headline figure measures, which decides how rounds are ranked and quoted.</summary>
[JsonConverter(typeof(JsonStringEnumConverter<MetricKind>))]
internal enum MetricKind
{
    /// <summary>Operations per second over the round; higher is better.</summary>
    [JsonStringEnumMemberName("throughput")]
    Throughput,

    /// <summary>Median round-trip time of the round in nanoseconds; lower is better.</summary>
    [JsonStringEnumMemberName("latency")]
    Latency,
}
