namespace AkkaRpc.Cli.Status;

/// <summary>One node as <c>akkarpc status</c> prints it; in a cluster, the member that answered, with every member it sees.</summary>
/// <param name="System">The actor system's name.</param>
/// <param name="Pid">The node's process id.</param>
/// <param name="Addresses">The addresses it listens at.</param>
/// <param name="StartedAt">When it started.</param>
/// <param name="Connections">Connections open to it now.</param>
/// <param name="IdleShutdownSeconds">Its idle shutdown; null if it never stops by itself.</param>
/// <param name="Databases">The databases it hosts.</param>
/// <param name="Members">The cluster's members as this node sees them (a single node: itself only).</param>
internal sealed record NodeView(
    string System,
    int Pid,
    IReadOnlyList<string> Addresses,
    DateTimeOffset StartedAt,
    int Connections,
    double? IdleShutdownSeconds,
    IReadOnlyList<DatabaseView> Databases,
    IReadOnlyList<MemberView> Members);
