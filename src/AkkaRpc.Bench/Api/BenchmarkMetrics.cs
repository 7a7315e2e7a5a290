namespace AkkaRpc.Bench.Api;

/// <summary>What a <see cref="BenchmarkContext"/> measured.</summary>
/// <param name="Name">What was measured.</param>
/// <param name="Protocol">Through what.</param>
/// <param name="TotalRequests">Requests recorded with <see cref="BenchmarkContext.RecordRequest"/>.</param>
/// <param name="FailedRequests">Of those, the failed ones.</param>
/// <param name="Latency">Latency of measured requests, or null when none was measured.</param>
/// <param name="ConnectionTime">Time of measured connections, or null when none was measured.</param>
/// <param name="UploadBytesPerSecond">Bytes sent per second of measured request time.</param>
/// <param name="DownloadBytesPerSecond">Bytes received per second of measured request time.</param>
public sealed record BenchmarkMetrics(
    string Name,
    string Protocol,
    long TotalRequests,
    long FailedRequests,
    LatencyStatistics? Latency,
    LatencyStatistics? ConnectionTime,
    double UploadBytesPerSecond,
    double DownloadBytesPerSecond)
{
    /// <summary>Gets the share of recorded requests that succeeded, from 0 to 1 (1 when none was recorded).</summary>
    public double SuccessRate => TotalRequests == 0 ? 1 : (double)(TotalRequests - FailedRequests) / TotalRequests;
}
