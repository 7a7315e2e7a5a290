using AkkaRpc.Bench.Metrics;

namespace AkkaRpc.Bench.Results;

/// <summary>Every figure of one system in a run, in rpycbench's shape; latencies in seconds.</summary>
/// <param name="Name">Display name.</param>
/// <param name="Protocol">What carries the requests.</param>
/// <param name="ServerMode">How the server side runs them.</param>
/// <param name="ConnectionTime">Time to open a connection ready for its first request.</param>
/// <param name="Latency">Sequential point query by primary key.</param>
/// <param name="InsertLatency">Sequential single-row insert.</param>
/// <param name="UploadBandwidth">Blob upload rate over the payload sizes.</param>
/// <param name="DownloadBandwidth">Blob download rate over the payload sizes.</param>
/// <param name="Bandwidth">Both rates at each payload size.</param>
/// <param name="BinaryTransfer">Chunked file transfers, by file size.</param>
/// <param name="Concurrency">Many clients at once: the largest client count measured, as rpycbench reports it.</param>
/// <param name="SuccessRate">Share of every request of every round that succeeded.</param>
/// <param name="FailuresByKind">Failed requests by kind.</param>
/// <param name="LostClients">Clients whose figures never arrived.</param>
/// <param name="Pipelined">The pipelined measurement of <c>bench remote</c>, when it ran.</param>
/// <param name="Rounds">Every round's headline figures, when the run had more than one round; the other figures are the median round's.</param>
/// <param name="ConcurrencyCurve">The concurrency scenario at every client count measured, fewest clients first, when it measured more than one.</param>
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
    int LostClients,
    PipelinedReport? Pipelined = null,
    IReadOnlyDictionary<string, RoundFigures>? Rounds = null,
    IReadOnlyList<ConcurrencyReport>? ConcurrencyCurve = null);

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

/// <summary>One connection keeping <paramref name="InFlight"/> point queries outstanding.</summary>
/// <param name="InFlight">Requests outstanding at once.</param>
/// <param name="Requests">Requests answered successfully.</param>
/// <param name="DurationSeconds">Time of the timed part.</param>
/// <param name="ThroughputRps">Successful requests per second.</param>
/// <param name="Latency">Latency of each request, from its send to its reply (queueing behind the others included).</param>
internal sealed record PipelinedReport(int InFlight, long Requests, double DurationSeconds, double ThroughputRps, LatencyStats Latency);

/// <summary>A headline figure in every round of a run, and which round's figures the report quotes.</summary>
/// <param name="Unit">Unit of the values: <c>ns</c> (a latency's median) or <c>req/s</c>.</param>
/// <param name="Values">The figure of each round, in the order they ran.</param>
/// <param name="MedianRound">Zero-based index of the quoted round: the lower median, a round that really ran.</param>
/// <param name="RelativeSpread">Half the range of the values over the quoted one: the run's own noise estimate.</param>
internal sealed record RoundFigures(string Unit, IReadOnlyList<double> Values, int MedianRound, double RelativeSpread);
