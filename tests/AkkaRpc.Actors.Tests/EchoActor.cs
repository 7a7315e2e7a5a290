using AkkaRpc.Actors;

namespace AkkaRpc.Actors.Tests;

/// <summary>Replies to every message with the message itself; the simplest actor to observe senders with.</summary>
internal sealed class EchoActor : ReceiveActor
{
    public EchoActor()
    {
        ReceiveAny(message => Sender.Tell(message, Self));
    }

    public static Props Props() => Actors.Props.Create(() => new EchoActor());
}
