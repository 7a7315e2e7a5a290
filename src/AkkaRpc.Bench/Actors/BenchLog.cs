using Microsoft.Extensions.Logging;

namespace AkkaRpc.Bench.Actors;

/// <summary>The benchmark actors' log messages, source-generated.</summary>
internal static partial class BenchLog
{
    [LoggerMessage(EventId = 3001, Level = LogLevel.Warning, Message = "Benchmark worker {Worker} went away (node lost: {AddressTerminated}); its clients count as lost")]
    public static partial void LogBenchWorkerLost(this ILogger logger, string worker, bool addressTerminated);

    [LoggerMessage(EventId = 3002, Level = LogLevel.Information, Message = "Registered with the benchmark coordinator ({Workers} workers so far)")]
    public static partial void LogBenchWorkerRegistered(this ILogger logger, int workers);

    [LoggerMessage(EventId = 3003, Level = LogLevel.Information, Message = "Running step {StepId}: {Clients} clients against {System}")]
    public static partial void LogBenchShareStarted(this ILogger logger, int stepId, int clients, string system);
}
