namespace AkkaRpc.Protocol;

/// <summary>
/// Asks the node admin actor (<see cref="NodePaths.Admin"/>) to stop the node; answered by <see cref="NodeStopping"/>,
/// then the node stops as on SIGTERM: requests already queued are answered, databases closed, the process exits 0.
/// </summary>
/// <param name="Reason">Why, for the node's log (e.g. "akkarpc stop by user alice").</param>
public sealed record StopNode(string Reason);
