using Akka.Actor;
using Akka.Cluster;
using AkkaRpc.Protocol;

namespace AkkaRpc.Hosting;

/// <summary>Builds the member list of a <see cref="NodeStatus"/> from this node's view of its cluster.</summary>
internal static class ClusterMembers
{
    // Each member's own answer must not hold the whole status up: an unreachable one is listed without it.
    private static readonly TimeSpan MemberTimeout = TimeSpan.FromSeconds(2);

    /// <summary>Whether <paramref name="system"/> runs Akka.Cluster (a node started with cluster mode on).</summary>
    public static bool IsClustered(ActorSystem system) => ((ExtendedActorSystem)system).Provider is Akka.Cluster.ClusterActorRefProvider;

    /// <summary>
    /// This node's members, by address: <paramref name="self"/> for this one; the others with their status from this
    /// node's view, and, when <paramref name="askOthers"/>, their process id and databases from their own admin.
    /// </summary>
    public static async Task<IReadOnlyList<ClusterMemberStatus>> ListAsync(ActorSystem system, ClusterMemberStatus self, bool askOthers)
    {
        if (!IsClustered(system))
        {
            return [self];
        }

        var cluster = Cluster.Get(system);
        var state = cluster.State;
        var unreachable = state.Unreachable.Select(m => m.Address).ToHashSet();
        var members = state.Members.Select(m => (m.Address, m.Status, m.Roles)).ToList();
        if (!members.Any(m => m.Address == cluster.SelfAddress))
        {
            // Not joined yet (or already removed): it still answers for itself.
            members.Add((cluster.SelfAddress, cluster.SelfMember.Status, cluster.SelfRoles));
        }

        var tasks = members.Select(async m =>
        {
            var status = unreachable.Contains(m.Address) ? "Unreachable" : m.Status.ToString();
            var listed = new ClusterMemberStatus(m.Address.ToString(), 0, status, m.Roles.Order(StringComparer.Ordinal).ToArray(), []);
            if (m.Address == cluster.SelfAddress)
            {
                return self with { Address = listed.Address, Status = status, Roles = listed.Roles };
            }

            if (!askOthers || unreachable.Contains(m.Address) || m.Status is not (MemberStatus.Up or MemberStatus.WeaklyUp or MemberStatus.Joining or MemberStatus.Leaving))
            {
                return listed;
            }

            try
            {
                var own = await system.ActorSelection(new RootActorPath(m.Address) / "user" / NodePaths.AdminName)
                    .Ask<NodeStatus>(GetNodeStatus.ThisMember, MemberTimeout).ConfigureAwait(false);
                return listed with { ProcessId = own.ProcessId, Databases = own.Databases };
            }
            catch (Exception e) when (e is AskTimeoutException or ActorNotFoundException)
            {
                return listed;
            }
        });
        var list = await Task.WhenAll(tasks).ConfigureAwait(false);
        return [.. list.OrderBy(m => m.Address, StringComparer.Ordinal)];
    }
}
