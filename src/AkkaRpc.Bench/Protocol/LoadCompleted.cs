using AkkaRpc.Bench.Metrics;

namespace AkkaRpc.Bench.Protocol;

/// <summary>A load generator to its collector: this client's figures.</summary>
/// <param name="Client">The client's number.</param>
/// <param name="Metrics">What it measured.</param>
internal sealed record LoadCompleted(int Client, LoadMetrics Metrics);
