namespace AkkaRpc.Cli.Status;

/// <summary>One cluster member in a <see cref="NodeView"/>.</summary>
/// <param name="Address">Its address.</param>
/// <param name="Pid">Its process id; null when it is not known (a member that left before saying).</param>
/// <param name="Status">Up, Unreachable, Down, ... as the cluster has it; "Gone" for a recorded member the cluster no longer lists.</param>
/// <param name="Roles">Its cluster roles.</param>
/// <param name="Databases">The databases whose owners run on it.</param>
internal sealed record MemberView(string Address, int? Pid, string Status, IReadOnlyList<string> Roles, IReadOnlyList<DatabaseView> Databases);
