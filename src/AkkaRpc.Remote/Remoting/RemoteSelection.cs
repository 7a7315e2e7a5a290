using AkkaRpc.Actors;

namespace AkkaRpc.Remote;

/// <summary>Actors selected by path on another node; the far node resolves the path on each send.</summary>
internal sealed class RemoteSelection(Association association, string path) : ICanTell
{
    public void Tell(object message, IActorRef? sender)
    {
        ArgumentNullException.ThrowIfNull(message);
        association.SendSelection(path, message, sender);
    }
}
