using AkkaRpc.Actors;

namespace AkkaRpc.Actors.Tests;

/// <summary>Asks a <see cref="GatedActor"/> to hold its mailbox until <paramref name="Gate"/> completes.</summary>
internal sealed record Hold(Task Gate);

/// <summary>
/// Reports every message to a probe; on <see cref="Hold"/> it says "held" and awaits the gate in a <c>ReceiveAsync</c>
/// handler, so the test controls exactly when the next message may run.
/// </summary>
internal sealed class GatedActor : ReceiveActor
{
    public GatedActor(IActorRef probe)
    {
        ReceiveAsync<Hold>(async hold =>
        {
            probe.Tell("held");
            await hold.Gate;
            probe.Tell("released");
        });
        ReceiveAny(message => probe.Tell(message));
    }

    public static Props Props(IActorRef probe) => Actors.Props.Create(() => new GatedActor(probe));
}
