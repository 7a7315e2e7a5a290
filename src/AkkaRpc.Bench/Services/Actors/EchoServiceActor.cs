using Akka.Actor;

namespace AkkaRpc.Bench.Services.Actors;

/// <summary>
/// The echo/compute service written the way an Akka.NET user writes one by hand: a <see cref="ReceiveActor"/> with one
/// message per call, answering its sender. What the generated proxy of AkkaRpc services is measured against.
/// </summary>
internal sealed class EchoServiceActor : ReceiveActor
{
    /// <summary>The actor's name under <c>/user</c>, which clients select it by.</summary>
    public const string Name = "echo";

    /// <summary>Initializes the actor's behaviour.</summary>
    public EchoServiceActor()
    {
        Receive<EchoCall>(call => Sender.Tell(new PayloadReply(call.Data)));
        Receive<ComputeCall>(call => Sender.Tell(new ComputeResult(unchecked(call.A + call.B))));
        Receive<UploadCall>(call => Sender.Tell(new LengthReply(call.Data.Length)));
        Receive<DownloadCall>(call =>
        {
            // A bad size is the caller's error, answered as one: the actor keeps serving everyone else.
            if (ServiceCalls.DownloadRefusal(call.Bytes) is { } reason)
            {
                Sender.Tell(new CallRefused(reason));
                return;
            }

            // The shared source is never written, and the serializer copies it onto the wire.
            Sender.Tell(new PayloadReply(ServiceCalls.Source.AsMemory(0, call.Bytes)));
        });
    }

    /// <summary>Gets the props that create the actor.</summary>
    public static Props Props() => Akka.Actor.Props.Create(() => new EchoServiceActor());
}
