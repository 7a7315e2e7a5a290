namespace AkkaRpc.Protocol;

/// <summary>Asks the node admin actor (<see cref="NodePaths.Admin"/>) how the node is doing; answered by <see cref="NodeStatus"/>.</summary>
public sealed record GetNodeStatus
{
    /// <summary>The only instance needed: the request has no fields.</summary>
    public static GetNodeStatus Instance { get; } = new();
}
