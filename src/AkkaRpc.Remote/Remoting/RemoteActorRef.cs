using AkkaRpc.Actors;

namespace AkkaRpc.Remote;

/// <summary>A reference to an actor on another node, sending through that node's <see cref="Association"/>.</summary>
internal sealed class RemoteActorRef(Association association, ActorPath path) : InternalActorRef
{
    public Association Association { get; } = association;

    public override ActorPath Path { get; } = path;

    public override ActorSystem System => Association.System;

    /// <summary>The path on the far node, without its address, e.g. <c>/user/databases/orders</c>.</summary>
    public string RemotePath => Path.ToStringWithoutAddress();

    public override void Tell(object message, IActorRef? sender)
    {
        ArgumentNullException.ThrowIfNull(message);
        Association.SendUser(this, message, sender);
    }

    public override void SendSystemMessage(SystemMessage message) => Association.SendSystem(this, message);
}
