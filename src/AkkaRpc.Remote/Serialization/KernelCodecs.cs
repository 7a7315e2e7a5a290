using AkkaRpc.Actors;

namespace AkkaRpc.Remote.Serialization;

/// <summary>Registers the codecs for the kernel's messages and for primitives sent as messages (<see cref="WireIds"/> 1–99).</summary>
internal static class KernelCodecs
{
    public static void Register(CodecRegistry registry)
    {
        registry.Register(WireIds.Identify, new IdentifyCodec());
        registry.Register(WireIds.ActorIdentity, new ActorIdentityCodec());
        registry.Register(WireIds.StatusSuccess, new StatusSuccessCodec());
        registry.Register(WireIds.StatusFailure, new StatusFailureCodec());
        registry.Register(WireIds.PoisonPill, new SingletonCodec<PoisonPill>(PoisonPill.Instance));
        registry.Register(WireIds.Kill, new SingletonCodec<Kill>(Kill.Instance));
        registry.Register(WireIds.String, new StringCodec());
        registry.Register(WireIds.Int32, new Int32Codec());
        registry.Register(WireIds.Int64, new Int64Codec());
        registry.Register(WireIds.Double, new DoubleCodec());
        registry.Register(WireIds.Boolean, new BooleanCodec());
        registry.Register(WireIds.Bytes, new BytesCodec());
    }
}

/// <summary><c>Identify</c>: the message id as a nested message.</summary>
internal sealed class IdentifyCodec : MessageCodec<Identify>
{
    public override void Write(ref WireWriter writer, Identify message) => writer.WriteMessage(message.MessageId);

    public override Identify Read(ref WireReader reader) => new(reader.ReadMessage());
}

/// <summary><c>ActorIdentity</c>: the message id as a nested message, then the subject through the connection's reference codec.</summary>
internal sealed class ActorIdentityCodec : MessageCodec<ActorIdentity>
{
    public override void Write(ref WireWriter writer, ActorIdentity message)
    {
        writer.WriteMessage(message.MessageId);
        writer.WriteActorRef(message.Subject);
    }

    public override ActorIdentity Read(ref WireReader reader)
    {
        var messageId = reader.ReadMessage();
        return new ActorIdentity(messageId, reader.ReadActorRef());
    }
}

/// <summary><c>Status.Success</c>: the value as a nested message.</summary>
internal sealed class StatusSuccessCodec : MessageCodec<Status.Success>
{
    public override void Write(ref WireWriter writer, Status.Success message) => writer.WriteMessage(message.Value);

    public override Status.Success Read(ref WireReader reader) => new(reader.ReadMessage());
}

/// <summary>A message type with one instance and no fields: an empty payload.</summary>
internal sealed class SingletonCodec<T>(T instance) : MessageCodec<T>
    where T : class
{
    public override void Write(ref WireWriter writer, T message)
    {
    }

    public override T Read(ref WireReader reader) => instance;
}
