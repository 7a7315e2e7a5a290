using AkkaRpc.Bench.Metrics;

namespace AkkaRpc.Bench.Results;

/// <summary>Every figure of one system in a run, in rpycbench's shape; latencies in seconds.</summary>
internal sealed record SystemReport(
    string Name,
    string Protocol,
    string ServerMode,
    LatencyStats? ConnectionTime,
    LatencyStats? Latency,
    LatencyStats? InsertLatency,
    ThroughputStats? UploadBandwidth,
    ThroughputStats? DownloadBandwidth,
    IReadOnlyList<BandwidthPoint> Bandwidth,
    IReadOnlyList<BinaryTransferPoint> BinaryTransfer,
    ConcurrencyReport? Concurrency,
    double SuccessRate,
    IReadOnlyDictionary<string, long> FailuresByKind,
    int LostClients);

/// <summary>A throughput in bytes per second over the sizes measured.</summary>
internal sealed record ThroughputStats(double Mean, double Max);

/// <summary>Bandwidth at one payload size.</summary>
internal sealed record BandwidthPoint(int PayloadBytes, double UploadBytesPerSecond, double DownloadBytesPerSecond, LatencyStats? UploadLatency, LatencyStats? DownloadLatency);

/// <summary>One file size of the binary transfer scenario.</summary>
internal sealed record BinaryTransferPoint(long FileBytes, int ChunkBytes, long Iterations, double UploadSeconds, double DownloadSeconds, double UploadThroughputMbps, double DownloadThroughputMbps);

/// <summary>The concurrency scenario's figures.</summary>
internal sealed record ConcurrencyReport(
    int Clients,
    int RequestsPerClient,
    long TotalRequests,
    long SuccessfulRequests,
    long FailedRequests,
    double SuccessRate,
    double DurationSeconds,
    double ThroughputRps,
    LatencyStats Latency,
    PerConnectionStats PerConnection,
    int LostClients);

/// <summary>Requests per second of single connections under load.</summary>
internal sealed record PerConnectionStats(double MeanRps, double MinRps, double MaxRps);
