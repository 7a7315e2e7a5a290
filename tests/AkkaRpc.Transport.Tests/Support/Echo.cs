using Akka.Actor;

namespace AkkaRpc.Transport.Tests.Support;

/// <summary>Replies to every message with the message itself; answers <see cref="WhoAreYou"/> with its own reference.</summary>
public sealed class Echo : ReceiveActor
{
    public Echo()
    {
        Receive<WhoAreYou>(_ => Sender.Tell(Self));
        ReceiveAny(message => Sender.Tell(message));
    }

    public static Props Props { get; } = Props.Create(() => new Echo());
}

/// <summary>Asks an <see cref="Echo"/> for its reference.</summary>
public sealed record WhoAreYou;
