namespace AkkaRpc.Protocol;

/// <summary>One member of the cluster a node belongs to, in a <see cref="NodeStatus"/>; a single node lists itself as the only member.</summary>
/// <param name="Address">The member's Akka address, e.g. <c>akka.rpc.tcp://AkkaRpc@127.0.0.1:4053</c>.</param>
/// <param name="ProcessId">Its operating-system process id; 0 when it was not asked (unreachable, or a member-only status).</param>
/// <param name="Status">Akka.Cluster's status of the member (Joining, Up, Leaving, Exiting, Down, Removed, WeaklyUp), or Unreachable while the failure detector says so.</param>
/// <param name="Roles">Its cluster roles.</param>
/// <param name="Databases">The databases whose owners run on it; empty when it was not asked.</param>
public sealed record ClusterMemberStatus(string Address, int ProcessId, string Status, IReadOnlyList<string> Roles, IReadOnlyList<DatabaseStatus> Databases);
