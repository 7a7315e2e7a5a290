using Akka.Actor;

namespace AkkaRpc.Protocol.Serialization;

/// <summary>
/// Akka serializer <see cref="Id"/> for the node admin messages (<see cref="GetNodeStatus"/>, <see cref="StopNode"/>
/// and their replies), under the ids of <see cref="WireIds"/>.
/// </summary>
/// <remarks>Bound by <see cref="ProtocolConfig.Serialization"/>; Akka constructs it by name.</remarks>
public sealed class NodeMessageSerializer(ExtendedActorSystem system) : WireSerializer(system, NodeCodecs.Register)
{
    /// <summary>The serializer's fixed Akka identifier.</summary>
    public const int Id = 7302;

    /// <inheritdoc />
    public override int Identifier => Id;
}
