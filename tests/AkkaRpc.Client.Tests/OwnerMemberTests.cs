using Akka.Actor;
using AkkaRpc.Client;
using AkkaRpc.Protocol;

namespace AkkaRpc.Client.Tests;

/// <summary>
/// A client of a cluster member that locates a database's owner on another member: it asks that member and talks to it
/// directly, and when it cannot dial it, goes through the relay of the member it entered at (stood in for here by a node whose
/// <c>/user/databases</c> answers <see cref="LocateOwner"/> with an owner on an address where nothing listens).
/// </summary>
public sealed class OwnerMemberTests
{
    [Fact]
    public async Task AnOwnerOnAMemberTheClientCannotDial_IsReachedThroughTheEntryMembersRelay_AndNothingIsLost()
    {
        var nowhere = new Address("akka.rpc.tcp", "AkkaRpc", "127.0.0.1", Loopback.FreePort());
        await using var member = await TestNode.StartWithAsync((_, real) => Props.Create(() => new ElsewhereMember(real, nowhere)), tcpPort: Loopback.FreePort());
        var options = member.ClientOptions(privateConnection: false);
        await using var db = await AkkaRpcClient.ConnectAsync("orders", options);

        // Located on the other member, which refuses the connection: the client uses the entry member's relay.
        Assert.StartsWith("akka.rpc.unix://", db.NodeAddress, StringComparison.Ordinal);
        Assert.Equal(1, ElsewhereMember.Relayed);
        await db.ExecuteAsync("CREATE TABLE t (v INTEGER)");
        for (var i = 0; i < 3; i++)
        {
            await db.ExecuteAsync("INSERT INTO t VALUES ($v)", new { v = i });
        }

        Assert.Equal(3L, (await db.QueryAsync<long>("SELECT count(*) FROM t")).Single());

        // The other member is remembered as out of reach: a fresh handle on the same connection uses the relay at once.
        await using var second = await AkkaRpcClient.ConnectAsync("orders", options);
        Assert.StartsWith("akka.rpc.unix://", second.NodeAddress, StringComparison.Ordinal);
        Assert.Equal(2, ElsewhereMember.Relayed);
        Assert.Equal(3L, (await second.QueryAsync<long>("SELECT count(*) FROM t")).Single());
    }

    /// <summary>
    /// A member whose owners all run elsewhere: <see cref="LocateOwner"/> names an owner at <c>nowhere</c>;
    /// <see cref="Resolve"/> is answered by the real supervisor, as a member's relay would reach the owner.
    /// </summary>
    private sealed class ElsewhereMember : ReceiveActor
    {
        public ElsewhereMember(IActorRef real, Address nowhere)
        {
            Receive<LocateOwner>(l => Sender.Tell(new Resolved(l.Name, ((ExtendedActorSystem)Context.System).Provider.ResolveActorRef(
                new RootActorPath(nowhere) / "user" / "databases" / l.Name))));
            Receive<Resolve>(r =>
            {
                Interlocked.Increment(ref s_relayed);
                real.Forward(r);
            });
        }

        private static int s_relayed;

        /// <summary>How many Resolves (the relay) it answered; one test uses it.</summary>
        public static int Relayed => Volatile.Read(ref s_relayed);
    }
}
