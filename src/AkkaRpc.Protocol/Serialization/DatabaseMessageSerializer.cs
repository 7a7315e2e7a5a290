using Akka.Actor;

namespace AkkaRpc.Protocol.Serialization;

/// <summary>
/// Akka serializer <see cref="Id"/> for the database messages: every <see cref="DatabaseRequest"/>,
/// <see cref="DatabaseReply"/> (errors included), <see cref="Protocol.Resolve"/> and <see cref="Protocol.LocateOwner"/>, under the ids of <see cref="WireIds"/>.
/// </summary>
/// <remarks>Bound by <see cref="ProtocolConfig.Serialization"/>; Akka constructs it by name.</remarks>
public sealed class DatabaseMessageSerializer(ExtendedActorSystem system) : WireSerializer(system, Register)
{
    /// <summary>The serializer's fixed Akka identifier.</summary>
    public const int Id = 7301;

    /// <inheritdoc />
    public override int Identifier => Id;

    internal static void Register(CodecRegistry registry)
    {
        registry.Register(WireIds.Query, new QueryCodec());
        registry.Register(WireIds.Execute, new ExecuteCodec());
        registry.Register(WireIds.Batch, new BatchCodec());
        SimpleRequestCodecs.Register(registry);
        registry.Register(WireIds.QueryResult, new QueryResultCodec());
        ReplyCodecs.Register(registry);
        ErrorCodecs.Register(registry);
    }
}
