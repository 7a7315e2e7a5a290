namespace AkkaRpc.Bench.Results;

/// <summary>A whole run: per-system figures, same-run ratios, and what the run was.</summary>
/// <param name="Systems">Figures by system key, in run order.</param>
/// <param name="Ratios">Each contender against its baselines, by contender key.</param>
/// <param name="Metadata">When, where and with which settings.</param>
/// <param name="Cluster">The cluster suite's figures (throughput by cluster size, one database, failover), when it ran.</param>
internal sealed record RunReport(
    IReadOnlyList<KeyValuePair<string, SystemReport>> Systems,
    IReadOnlyDictionary<string, SystemRatios> Ratios,
    RunMetadata Metadata,
    ClusterReport? Cluster = null);

/// <summary>One contender's figures divided by a baseline's, measured in the same run.</summary>
/// <param name="VsHttp">Against the HTTP/REST baseline, when it ran.</param>
/// <param name="VsFloor">Against the floor of the same transport (the raw socket; for the owner, the bare SQLite connection), when it ran.</param>
/// <param name="VsInProcess">Against SQLite in process, when it ran and is not already the floor.</param>
/// <param name="VsAkkaDotNetty">Against the same node over Akka.Remote's stock transport, when it ran: what our transport buys.</param>
internal sealed record SystemRatios(
    RatioSet? VsHttp,
    RatioSet? VsFloor,
    RatioSet? VsInProcess,

    // Named after the system's key, as the other ratios are after theirs; snake_case alone would split DotNetty.
    [property: System.Text.Json.Serialization.JsonPropertyName("vs_" + Systems.SystemCatalog.AkkaDotNetty)] RatioSet? VsAkkaDotNetty = null);

/// <summary>Ratios of a contender's figure to a baseline's. Latency ratios above 1 mean the contender is slower; throughput ratios above 1 mean it is faster.</summary>
internal sealed record RatioSet(
    string Baseline,
    double? ConnectionTimeMean,
    double? LatencyMean,
    double? LatencyP99,
    double? InsertLatencyMean,
    double? UploadBandwidthMax,
    double? DownloadBandwidthMax,
    double? ConcurrencyThroughput,
    double? LatencyMedian = null,
    double? PipelinedThroughput = null);

/// <summary>What a run was.</summary>
/// <param name="Schema">The report's schema name.</param>
/// <param name="StartedAt">When the run started.</param>
/// <param name="DurationSeconds">Wall time of the whole run, servers' start included.</param>
/// <param name="Machine">The machine's name.</param>
/// <param name="ProcessorCount">Logical processors of the load process.</param>
/// <param name="Os">Operating system description.</param>
/// <param name="Runtime">.NET runtime description.</param>
/// <param name="Quick">Whether --quick's sizes were used.</param>
/// <param name="Transport">The systems measured, by key, comma-separated.</param>
/// <param name="Workers">Worker processes that generated the load; 0 for this process alone.</param>
/// <param name="LostWorkers">Workers that went away during the run.</param>
/// <param name="Notes">What a reader of the figures should know (a running node measured, a lost worker).</param>
/// <param name="Settings">The sizes and rounds in force.</param>
/// <param name="Skipped">Systems asked for but not measured, with the reason (e.g. the node printed no address for it, or it is out of the workers' reach).</param>
/// <param name="Suite">Which suite ran: <c>full</c>, <c>owner</c> or <c>remote</c>.</param>
/// <param name="Configuration"><c>Release</c> or <c>Debug</c>: Debug figures are not representative.</param>
/// <param name="ServerGc">Whether the load process ran the server garbage collector.</param>
internal sealed record RunMetadata(
    string Schema,
    DateTimeOffset StartedAt,
    double DurationSeconds,
    string Machine,
    int ProcessorCount,
    string Os,
    string Runtime,
    bool Quick,
    string Transport,
    int Workers,
    IReadOnlyList<string> LostWorkers,
    IReadOnlyList<string> Notes,
    Running.BenchSettings Settings,
    IReadOnlyDictionary<string, string>? Skipped = null,
    string Suite = "full",
    string Configuration = RunMetadata.BuildConfiguration,
    bool ServerGc = false)
{
    /// <summary>The configuration this assembly was built in.</summary>
    public const string BuildConfiguration =
#if DEBUG
        "Debug";
#else
        "Release";
#endif
}
