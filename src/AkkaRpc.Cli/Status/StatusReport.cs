using AkkaRpc.Protocol;

namespace AkkaRpc.Cli.Status;

/// <summary>
/// Turns what the nodes answered into what <c>akkarpc status</c> prints: one view per node, except that members of one
/// cluster are shown once, through the first member that answered, with every member it sees. Members recorded by
/// <c>akkarpc cluster start</c> that the cluster no longer lists are added as "Gone", so a dead member is never silently missing.
/// </summary>
internal static class StatusReport
{
    /// <summary>The status a cluster gives a recorded member that it does not list (it was removed, or never joined).</summary>
    public const string Gone = "Gone";

    /// <summary>Builds the views of <paramref name="nodes"/>, in the order they answered.</summary>
    /// <param name="nodes">What each node that answered said, in that order.</param>
    /// <param name="recorded">The members <c>akkarpc cluster start</c> recorded (address, pid); empty when none.</param>
    public static IReadOnlyList<NodeView> Build(IReadOnlyList<NodeStatus> nodes, IReadOnlyList<(string Address, int Pid)> recorded)
    {
        ArgumentNullException.ThrowIfNull(nodes);
        ArgumentNullException.ThrowIfNull(recorded);
        var views = new List<NodeView>();
        var shown = new HashSet<string>(StringComparer.Ordinal);
        foreach (var node in nodes)
        {
            if (node.Addresses.Any(shown.Contains))
            {
                continue; // a member already shown in another member's view
            }

            var members = Members(node).ToList();
            if (recorded.Any(r => node.Addresses.Contains(r.Address)))
            {
                foreach (var missing in recorded.Where(r => members.All(m => m.Address != r.Address)))
                {
                    members.Add(new MemberView(missing.Address, missing.Pid, Gone, [], []));
                }
            }

            shown.UnionWith(node.Addresses);
            shown.UnionWith(members.Select(m => m.Address));
            views.Add(new NodeView(
                node.SystemName,
                node.ProcessId,
                node.Addresses,
                node.StartedAt,
                node.Connections,
                node.IdleShutdown?.TotalSeconds,
                [.. node.Databases.Select(View)],
                members));
        }

        return views;
    }

    /// <summary>The members <paramref name="node"/> reports; a node that is no cluster member reports itself.</summary>
    private static IEnumerable<MemberView> Members(NodeStatus node) =>
        [new MemberView(node.Addresses.FirstOrDefault() ?? "", node.ProcessId, "Up", [], [.. node.Databases.Select(View)])];

    private static DatabaseView View(DatabaseStatus database) =>
        new(database.Name, database.State.ToString().ToLowerInvariant(), database.MailboxDepth, database.LastFailure);
}
