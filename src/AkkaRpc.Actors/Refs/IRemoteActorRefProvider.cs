namespace AkkaRpc.Actors;

/// <summary>What the kernel asks of the remoting layer for paths with another node's address.</summary>
internal interface IRemoteActorRefProvider
{
    /// <summary>True if <paramref name="address"/> is one of this node's own external addresses.</summary>
    bool IsLocalAddress(Address address);

    /// <summary>A selection of actors on the node at <paramref name="path"/>'s address; resolved there on each send.</summary>
    ICanTell CreateSelection(ActorPath path);
}
