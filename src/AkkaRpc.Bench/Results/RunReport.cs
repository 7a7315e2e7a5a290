namespace AkkaRpc.Bench.Results;

/// <summary>A whole run: per-system figures, same-run ratios, and what the run was.</summary>
/// <param name="Systems">Figures by system key, in run order.</param>
/// <param name="Ratios">AkkaRpc against the HTTP baseline and the raw floor, by AkkaRpc system key.</param>
/// <param name="Metadata">When, where and with which settings.</param>
internal sealed record RunReport(
    IReadOnlyList<KeyValuePair<string, SystemReport>> Systems,
    IReadOnlyDictionary<string, SystemRatios> Ratios,
    RunMetadata Metadata);

/// <summary>One AkkaRpc system's figures divided by a baseline's, measured in the same run.</summary>
/// <param name="VsHttp">Against the HTTP/REST baseline, when it ran.</param>
/// <param name="VsFloor">Against the raw socket floor of the same transport, when it ran.</param>
/// <param name="VsInProcess">Against SQLite in process, when it ran.</param>
internal sealed record SystemRatios(RatioSet? VsHttp, RatioSet? VsFloor, RatioSet? VsInProcess);

/// <summary>Ratios of AkkaRpc's figure to a baseline's. Latency ratios above 1 mean AkkaRpc is slower; throughput ratios above 1 mean it is faster.</summary>
internal sealed record RatioSet(
    string Baseline,
    double? ConnectionTimeMean,
    double? LatencyMean,
    double? LatencyP99,
    double? InsertLatencyMean,
    double? UploadBandwidthMax,
    double? DownloadBandwidthMax,
    double? ConcurrencyThroughput);

/// <summary>What a run was.</summary>
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
    Running.BenchSettings Settings);
