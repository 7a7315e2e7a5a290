namespace AkkaRpc.Protocol;

/// <summary>A node's state at one moment: the answer to <see cref="GetNodeStatus"/>.</summary>
/// <param name="SystemName">The actor system's name.</param>
/// <param name="ProcessId">The node's operating-system process id.</param>
/// <param name="Addresses">The addresses it listens at, e.g. <c>akkarpc.unix://AkkaRpc@/run/user/1000/akkarpc/node.sock</c>.</param>
/// <param name="StartedAt">When the node started.</param>
/// <param name="Connections">Connections other processes have open to it now.</param>
/// <param name="IdleShutdown">How long it stays up with no connections before stopping itself; null if it never does.</param>
/// <param name="Databases">Each database it has open, reopening or reports unavailable, by name.</param>
public sealed record NodeStatus(
    string SystemName,
    int ProcessId,
    IReadOnlyList<string> Addresses,
    DateTimeOffset StartedAt,
    int Connections,
    TimeSpan? IdleShutdown,
    IReadOnlyList<DatabaseStatus> Databases)
{
    /// <summary>
    /// Gets the members of the node's cluster, this node included (a single node lists only itself), ordered by address.
    /// Each member's process id and databases are filled in when it was asked (see <see cref="GetNodeStatus.MemberOnly"/>).
    /// </summary>
    public IReadOnlyList<ClusterMemberStatus> Members { get; init; } = [];
}
