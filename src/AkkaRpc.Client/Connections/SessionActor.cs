using Akka.Actor;

namespace AkkaRpc.Client;

/// <summary>
/// One actor per client runtime that lives as long as it does: transactions name it as their holder, so a node rolls
/// them back as soon as this client's process (or runtime) is gone, instead of waiting out the lease.
/// </summary>
internal sealed class SessionActor : ReceiveActor
{
    public SessionActor()
    {
        // Nothing is ever sent to it; it exists to be watched.
        ReceiveAny(_ => Unhandled(_));
    }
}
