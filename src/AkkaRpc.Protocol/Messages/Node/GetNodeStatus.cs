namespace AkkaRpc.Protocol;

/// <summary>Asks the node admin actor (<see cref="NodePaths.Admin"/>) how the node is doing; answered by <see cref="NodeStatus"/>.</summary>
public sealed record GetNodeStatus
{
    /// <summary>Asks for the whole cluster: every member is asked for its process id and databases.</summary>
    public static GetNodeStatus Instance { get; } = new();

    /// <summary>Asks this node alone: the member list comes from its own view, with only its own entry filled in.</summary>
    public static GetNodeStatus ThisMember { get; } = new() { MemberOnly = true };

    /// <summary>Gets whether only the asked node answers for itself (cheap: no other member is asked).</summary>
    public bool MemberOnly { get; init; }
}
