using System.Runtime.CompilerServices;
using AkkaRpc.Actors;

namespace AkkaRpc.Actors.Tests;

/// <summary>What a <see cref="LifecycleActor"/> reports about itself.</summary>
internal sealed record Lifecycle(string Name, string Event, int Incarnation, Exception? Cause = null, object? Message = null);

/// <summary>
/// An actor that reports each lifecycle step to a probe, counts "inc" messages, answers "get" with the count, and
/// throws any <see cref="Exception"/> it receives. Each instance has an incarnation number, so restarts are visible.
/// </summary>
internal sealed class LifecycleActor : ReceiveActor
{
    private readonly IActorRef _probe;
    private readonly string _name;
    private readonly int _incarnation;
    private int _count;

    public LifecycleActor(IActorRef probe, string name, StrongBox<int> incarnations)
    {
        _probe = probe;
        _name = name;
        _incarnation = Interlocked.Increment(ref incarnations.Value);
        Receive<string>(s => s == "inc", _ => _count++);
        Receive<string>(s => s == "get", _ => Sender.Tell(_count));
        Receive<Exception>(e => throw e);
        ReceiveAny(message => _probe.Tell(new Lifecycle(_name, "received", _incarnation, Message: message)));
    }

    public static Props Props(IActorRef probe, string name = "child")
    {
        // One counter for all instances made from these props, so a restart shows as the next number.
        var incarnations = new StrongBox<int>();
        return Actors.Props.Create(() => new LifecycleActor(probe, name, incarnations));
    }

    protected override void PreStart() => _probe.Tell(new Lifecycle(_name, "preStart", _incarnation));

    protected override void PostStop() => _probe.Tell(new Lifecycle(_name, "postStop", _incarnation));

    protected override void PreRestart(Exception reason, object? message) =>
        _probe.Tell(new Lifecycle(_name, "preRestart", _incarnation, reason, message));

    protected override void PostRestart(Exception reason) => _probe.Tell(new Lifecycle(_name, "postRestart", _incarnation, reason));
}
