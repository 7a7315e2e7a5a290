using System.Globalization;
using Akka.Actor;

namespace AkkaRpc.Client;

/// <summary>
/// One actor system of a <see cref="ClientRuntime"/>, with its association monitor and session actor, and a count of
/// the requests still running on it, so that a runtime that moved on to a new one stops this one only once they are done.
/// </summary>
internal sealed class ClientIncarnation
{
    private static long s_sessions;
    private readonly Lock _gate = new();
    private readonly IActorRefProvider _provider;
    private int _inFlight;
    private bool _retired;

    public ClientIncarnation(ActorSystem system, bool assumeAssociated, Action<NodeLinks>? dropped)
    {
        System = system;
        Links = NodeLinks.Start(system, assumeAssociated, dropped);
        // Its path goes with every service call (the caller in each call's header), written out and parsed again per
        // call, so the name is short: a name need only be unique within its system, whose address no other client shares.
        Session = system.ActorOf(Props.Create(() => new SessionActor()), "akkarpc-session-" + Interlocked.Increment(ref s_sessions).ToString(CultureInfo.InvariantCulture));
        _provider = ((ExtendedActorSystem)system).Provider;
    }

    public ActorSystem System { get; }

    public NodeLinks Links { get; }

    /// <summary>Gets the actor that holds this incarnation's transactions: when it is gone, so are they.</summary>
    public IActorRef Session { get; }

    /// <summary>Counts a request starting on this system; false if it is retired (the runtime has a newer one).</summary>
    public bool TryEnter()
    {
        lock (_gate)
        {
            if (_retired)
            {
                return false;
            }

            _inFlight++;
            return true;
        }
    }

    /// <summary>A request on this system ended; stops the system if it was retired and this was the last one.</summary>
    public void Exit()
    {
        bool stop;
        lock (_gate)
        {
            stop = --_inFlight == 0 && _retired;
        }

        if (stop)
        {
            _ = System.Terminate();
        }
    }

    /// <summary>No new request starts here; the system stops once the running ones end (at once if none runs).</summary>
    public void Retire()
    {
        bool stop;
        lock (_gate)
        {
            stop = !_retired && _inFlight == 0;
            _retired = true;
        }

        if (stop)
        {
            _ = System.Terminate();
        }
    }

    /// <summary>
    /// <paramref name="target"/> as seen from this system: an actor reference or selection made by another incarnation
    /// is resolved again here by its path (the remote actor it names is the same one), so it travels over this system's
    /// associations.
    /// </summary>
    public ICanTell Translate(ICanTell target)
    {
        var provider = _provider;
        return target switch
        {
            IInternalActorRef actor when actor.Provider != provider => provider.ResolveActorRef(actor.Path),
            ActorSelection { Anchor: IInternalActorRef anchor } selection when anchor.Provider != provider =>
                new ActorSelection(provider.ResolveActorRef(anchor.Path), selection.Path),
            _ => target,
        };
    }
}
