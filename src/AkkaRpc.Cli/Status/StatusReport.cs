using AkkaRpc.Protocol;

namespace AkkaRpc.Cli.Status;

/// <summary>
/// Turns what the nodes answered into what <c>akkarpc status</c> prints: one view per node, except that the members of
/// the local cluster that <c>akkarpc cluster start</c> recorded are shown once, as one view listing every recorded
/// member: those that answered with their own pid and databases, the others as Unreachable (the process runs but does
/// not answer) or Gone (it no longer runs). A dead member is never silently missing.
/// </summary>
internal static class StatusReport
{
    /// <summary>A member that answered.</summary>
    public const string Up = "Up";

    /// <summary>A recorded member whose process runs but did not answer (frozen, overloaded, or cut off).</summary>
    public const string Unreachable = "Unreachable";

    /// <summary>A recorded member whose process no longer runs (stopped, killed, or downed by the cluster).</summary>
    public const string Gone = "Gone";

    /// <summary>Builds the views of <paramref name="nodes"/>, in the order they answered.</summary>
    /// <param name="nodes">What each node that answered said, in that order.</param>
    /// <param name="recorded">The members <c>akkarpc cluster start</c> recorded (address, pid); empty when none.</param>
    /// <param name="isRunning">Whether a pid still runs.</param>
    public static IReadOnlyList<NodeView> Build(IReadOnlyList<NodeStatus> nodes, IReadOnlyList<(string Address, int Pid)> recorded, Func<int, bool> isRunning)
    {
        ArgumentNullException.ThrowIfNull(nodes);
        ArgumentNullException.ThrowIfNull(recorded);
        ArgumentNullException.ThrowIfNull(isRunning);
        var views = new List<NodeView>();
        var members = nodes.Where(n => recorded.Any(r => n.Addresses.Contains(r.Address))).ToList();
        foreach (var node in nodes)
        {
            if (!members.Contains(node))
            {
                // Not one of the recorded members: its own view (a cluster started by hand), or itself alone.
                views.Add(View(node, node.Members.Count > 0
                    ? [.. node.Members.Select(m => new MemberView(m.Address, m.ProcessId == 0 ? null : m.ProcessId, m.Status, m.Roles, [.. m.Databases.Select(View)]))]
                    : [new MemberView(node.Addresses.FirstOrDefault() ?? "", node.ProcessId, Up, [], [.. node.Databases.Select(View)])]));
            }
            else if (node == members[0])
            {
                var recordedMembers = recorded.Select(r => Member(r, members.FirstOrDefault(m => m.Addresses.Contains(r.Address)), node.Members.FirstOrDefault(m => m.Address == r.Address), isRunning));
                var others = node.Members.Where(m => recorded.All(r => r.Address != m.Address))
                    .Select(m => new MemberView(m.Address, m.ProcessId == 0 ? null : m.ProcessId, m.Status, m.Roles, [.. m.Databases.Select(View)]));
                views.Add(View(node, [.. recordedMembers, .. others]));
            }
        }

        return views;
    }

    // A recorded member: the cluster's status and roles from the view of the member shown, when it lists it; the
    // databases from the member's own answer, else from that view.
    private static MemberView Member((string Address, int Pid) recorded, NodeStatus? answered, ClusterMemberStatus? seen, Func<int, bool> isRunning)
    {
        var status = seen?.Status ?? (answered is not null ? Up : isRunning(recorded.Pid) ? Unreachable : Gone);
        if (answered is null && !isRunning(recorded.Pid))
        {
            status = Gone; // whatever the view still says, the process is not there
        }

        var databases = answered?.Databases ?? seen?.Databases ?? [];
        return new MemberView(recorded.Address, answered?.ProcessId ?? recorded.Pid, status, seen?.Roles ?? [], [.. databases.Select(View)]);
    }

    private static NodeView View(NodeStatus node, IReadOnlyList<MemberView> members) => new(
        node.SystemName,
        node.ProcessId,
        node.Addresses,
        node.StartedAt,
        node.Connections,
        node.IdleShutdown?.TotalSeconds,
        [.. node.Databases.Select(View)],
        members);

    private static DatabaseView View(DatabaseStatus database) =>
        new(database.Name, database.State.ToString().ToLowerInvariant(), database.MailboxDepth, database.LastFailure);
}
