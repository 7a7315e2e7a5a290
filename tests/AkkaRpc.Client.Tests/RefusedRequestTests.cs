using Akka.Actor;
using AkkaRpc.Client;
using AkkaRpc.Protocol;

namespace AkkaRpc.Client.Tests;

/// <summary>
/// Requests refused unrun (<see cref="OwnerStopped"/>: the owner was closing, or its cluster member was cut off or
/// downed): the client resolves again and resends them, pausing longer each time, for as long as the request's own
/// timeout allows, and then fails with <see cref="DatabaseUnavailableException"/>, having run nothing.
/// </summary>
public sealed class RefusedRequestTests
{
    [Fact]
    public async Task ARequestRefusedSeveralTimes_IsResentUntilServed_AndRunsOnce()
    {
        var gate = new GateState { Refusals = 6 };
        await using var node = await TestNode.StartWithAsync((_, real) => Props.Create(() => new GatedMember(real, gate)));
        await using var db = await AkkaRpcClient.ConnectAsync("orders", node.ClientOptions());
        await db.ExecuteAsync("CREATE TABLE t (v INTEGER)");

        Assert.Equal(7, gate.Seen);
        await db.ExecuteAsync("INSERT INTO t VALUES (1)");
        Assert.Equal(1L, (await db.QueryAsync<long>("SELECT count(*) FROM t")).Single());
    }

    [Fact]
    public async Task ARequestRefusedUntilItsTimeout_FailsAsUnavailable_HavingRunNothing_AndTheNextOneIsServed()
    {
        var gate = new GateState();
        await using var node = await TestNode.StartWithAsync((_, real) => Props.Create(() => new GatedMember(real, gate)));
        await using var db = await AkkaRpcClient.ConnectAsync("orders", node.ClientOptions());
        await db.ExecuteAsync("CREATE TABLE t (v INTEGER)");

        gate.Refusals = int.MaxValue;
        var seenBefore = gate.Seen;
        var error = await Assert.ThrowsAsync<DatabaseUnavailableException>(() =>
            db.ExecuteAsync("INSERT INTO t VALUES (1)", options: new RequestOptions { Timeout = TimeSpan.FromSeconds(1) }));

        Assert.Contains("kept refusing requests for 1 s", error.Message, StringComparison.Ordinal);
        Assert.Contains("did not run", error.Message, StringComparison.Ordinal);
        Assert.False(error.OutcomeUnknown);
        Assert.InRange(gate.Seen - seenBefore, 4, 100); // resent with pauses, not given up at once nor spun on

        gate.Refusals = 0;
        await db.ExecuteAsync("INSERT INTO t VALUES (2)");
        Assert.Equal([2L], await db.QueryAsync<long>("SELECT v FROM t"));
    }

    /// <summary>How many requests the gate still refuses, and how many it has seen; shared with the test.</summary>
    private sealed class GateState
    {
        private int _refusals;
        private int _seen;

        public int Refusals
        {
            get => Volatile.Read(ref _refusals);
            set => Volatile.Write(ref _refusals, value);
        }

        public int Seen => Volatile.Read(ref _seen);

        /// <summary>Counts a request and says whether to refuse it; called by the gate alone, one request at a time.</summary>
        public bool Refuse()
        {
            Interlocked.Increment(ref _seen);
            var left = Refusals;
            if (left <= 0)
            {
                return false;
            }

            Refusals = left == int.MaxValue ? left : left - 1;
            return true;
        }
    }

    /// <summary>A node whose databases are reached through a gate that refuses while <see cref="GateState.Refusals"/> lasts.</summary>
    private sealed class GatedMember : ReceiveActor
    {
        public GatedMember(IActorRef real, GateState state)
        {
            Receive<Resolve>(r => Sender.Tell(new Resolved(r.Name, GateFor(r.Name, real, state))));
            Receive<LocateOwner>(l => Sender.Tell(new Resolved(l.Name, GateFor(l.Name, real, state))));
        }

        private static IActorRef GateFor(string name, IActorRef real, GateState state)
        {
            var gate = Context.Child(name);
            return gate.IsNobody() ? Context.ActorOf(Props.Create(() => new Gate(name, real, state)), name) : gate;
        }
    }

    private sealed class Gate : ReceiveActor, IWithUnboundedStash
    {
        public Gate(string name, IActorRef real, GateState state)
        {
            IActorRef? owner = null;
            Receive<Resolved>(r =>
            {
                owner = r.Owner;
                Stash.UnstashAll();
            });
            Receive<DatabaseRequest>(request =>
            {
                if (owner is null)
                {
                    Stash.Stash();
                }
                else if (state.Refuse())
                {
                    Sender.Tell(new OwnerStopped(name));
                }
                else
                {
                    owner.Forward(request);
                }
            });
            real.Tell(new Resolve(name));
        }

        public IStash Stash { get; set; } = null!;
    }
}
