namespace AkkaRpc.Protocol;

/// <summary>The node accepted a <see cref="StopNode"/> and is stopping; its connections close once it has drained.</summary>
/// <param name="ProcessId">The stopping node's process id, so a caller can wait for that process to exit.</param>
public sealed record NodeStopping(int ProcessId);
