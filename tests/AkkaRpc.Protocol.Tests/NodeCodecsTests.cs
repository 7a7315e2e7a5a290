using System.Buffers;

namespace AkkaRpc.Protocol.Tests;

public sealed class NodeCodecsTests
{
    [Theory]
    [InlineData(typeof(GetNodeStatus), WireIds.GetNodeStatus)]
    [InlineData(typeof(StopNode), WireIds.StopNode)]
    [InlineData(typeof(NodeStatus), WireIds.NodeStatus)]
    [InlineData(typeof(NodeStopping), WireIds.NodeStopping)]
    [InlineData(typeof(OwnerLost), WireIds.OwnerLost)]
    public void EveryNodeMessage_HasItsFixedId(Type type, int expected)
    {
        Assert.True(ProtocolWire.Registry.TryGetCodec(type, out var id, out _), $"{type.Name} has no codec");
        Assert.Equal(expected, id);
    }

    [Fact]
    public void NodeStatus_RoundTrips_EveryField()
    {
        var status = SampleMessages.SampleNodeStatus;

        var decoded = ProtocolWire.RoundTrip(status);

        Assert.Equal(status.SystemName, decoded.SystemName);
        Assert.Equal(status.ProcessId, decoded.ProcessId);
        Assert.Equal(status.Addresses, decoded.Addresses);
        Assert.Equal(status.StartedAt, decoded.StartedAt);
        Assert.Equal(status.StartedAt.Offset, decoded.StartedAt.Offset);
        Assert.Equal(status.Connections, decoded.Connections);
        Assert.Equal(status.IdleShutdown, decoded.IdleShutdown);
        Assert.Equal(status.Databases, decoded.Databases);
    }

    [Fact]
    public void NodeStatus_RoundTrips_ItsClusterMembers()
    {
        var status = SampleMessages.SampleNodeStatus with
        {
            Members =
            [
                new ClusterMemberStatus("akka.rpc.tcp://AkkaRpc@127.0.0.1:4053", 11, "Up", ["db", "eu"], [new DatabaseStatus("orders", DatabaseState.Open, 3, null)]),
                new ClusterMemberStatus("akka.rpc.tcp://AkkaRpc@127.0.0.1:4054", 0, "Unreachable", [], []),
            ],
        };

        var decoded = ProtocolWire.RoundTrip(status);

        Assert.Equal(2, decoded.Members.Count);
        for (var i = 0; i < 2; i++)
        {
            Assert.Equal(status.Members[i].Address, decoded.Members[i].Address);
            Assert.Equal(status.Members[i].ProcessId, decoded.Members[i].ProcessId);
            Assert.Equal(status.Members[i].Status, decoded.Members[i].Status);
            Assert.Equal(status.Members[i].Roles, decoded.Members[i].Roles);
            Assert.Equal(status.Members[i].Databases, decoded.Members[i].Databases);
        }
    }

    [Fact]
    public void GetNodeStatus_ForThisMemberOnly_DecodesToItsSharedInstance()
    {
        Assert.Same(GetNodeStatus.ThisMember, ProtocolWire.RoundTrip(GetNodeStatus.ThisMember));
        Assert.True(GetNodeStatus.ThisMember.MemberOnly);
    }

    [Fact]
    public void ANegativeMemberProcessId_IsRejected_NamingTheField()
    {
        var output = new ArrayBufferWriter<byte>();
        var writer = new WireWriter(output);
        writer.WriteString("Sys");
        writer.WriteVarInt32(1);
        writer.WriteCount(0);
        writer.WriteVarInt64(DateTimeOffset.UnixEpoch.Ticks);
        writer.WriteTimeSpan(TimeSpan.Zero);
        writer.WriteVarInt32(0);
        writer.WriteBool(false);
        writer.WriteCount(0);
        writer.WriteCount(1);
        writer.WriteString("akka.rpc.tcp://Sys@127.0.0.1:1");
        writer.WriteVarInt32(-5);
        writer.WriteString("Up");
        writer.WriteCount(0);
        writer.WriteCount(0);

        var error = Assert.Throws<WireFormatException>(() => ProtocolWire.Decode(Message(WireIds.NodeStatus, output)));

        Assert.Contains("ClusterMemberStatus.ProcessId", error.Message, StringComparison.Ordinal);

        // The codec keeps working for the next, valid message.
        Assert.Equal(SampleMessages.SampleNodeStatus.SystemName, ProtocolWire.RoundTrip(SampleMessages.SampleNodeStatus).SystemName);
    }

    [Fact]
    public void AHugeClaimedMemberCount_IsRejectedBeforeAllocating()
    {
        var output = new ArrayBufferWriter<byte>();
        var writer = new WireWriter(output);
        writer.WriteString("Sys");
        writer.WriteVarInt32(1);
        writer.WriteCount(0);
        writer.WriteVarInt64(DateTimeOffset.UnixEpoch.Ticks);
        writer.WriteTimeSpan(TimeSpan.Zero);
        writer.WriteVarInt32(0);
        writer.WriteBool(false);
        writer.WriteCount(0);
        writer.WriteCount(int.MaxValue);

        Assert.Throws<WireFormatException>(() => ProtocolWire.Decode(Message(WireIds.NodeStatus, output)));
    }

    [Fact]
    public void NodeStatus_WithoutIdleShutdown_DecodesNull()
    {
        var decoded = ProtocolWire.RoundTrip(SampleMessages.SampleNodeStatus with { IdleShutdown = null });

        Assert.Null(decoded.IdleShutdown);
    }

    [Fact]
    public void GetNodeStatus_DecodesToTheSharedInstance()
    {
        Assert.Same(GetNodeStatus.Instance, ProtocolWire.RoundTrip(GetNodeStatus.Instance));
    }

    [Fact]
    public void AnUnknownDatabaseState_IsRejected_NamingTheField()
    {
        var bytes = StatusPayload(state: 9, connections: 0);

        var error = Assert.Throws<WireFormatException>(() => ProtocolWire.Decode(bytes));

        Assert.Contains("DatabaseStatus.State", error.Message, StringComparison.Ordinal);
        Assert.Contains("unknown DatabaseState 9", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void ANegativeConnectionCount_IsRejected()
    {
        var bytes = StatusPayload(state: 0, connections: -1);

        var error = Assert.Throws<WireFormatException>(() => ProtocolWire.Decode(bytes));

        Assert.Contains("NodeStatus.Connections", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void AnInvalidStartTime_IsRejected()
    {
        var bytes = StatusPayload(state: 0, connections: 0, ticks: long.MaxValue);

        var error = Assert.Throws<WireFormatException>(() => ProtocolWire.Decode(bytes));

        Assert.Contains("NodeStatus.StartedAt", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void ANullStopReason_IsRejected()
    {
        var output = new ArrayBufferWriter<byte>();
        var writer = new WireWriter(output);
        writer.WriteString(null);

        var error = Assert.Throws<WireFormatException>(() => ProtocolWire.Decode(Message(WireIds.StopNode, output)));

        Assert.Contains("StopNode.Reason", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void AHugeClaimedDatabaseCount_IsRejectedBeforeAllocating()
    {
        var output = new ArrayBufferWriter<byte>();
        var writer = new WireWriter(output);
        writer.WriteString("Sys");
        writer.WriteVarInt32(1);
        writer.WriteCount(0);
        writer.WriteVarInt64(DateTimeOffset.UnixEpoch.Ticks);
        writer.WriteTimeSpan(TimeSpan.Zero);
        writer.WriteVarInt32(0);
        writer.WriteBool(false);
        writer.WriteCount(int.MaxValue);

        Assert.Throws<WireFormatException>(() => ProtocolWire.Decode(Message(WireIds.NodeStatus, output)));
    }

    /// <summary>A NodeStatus with one database, written field by field so single fields can be made invalid.</summary>
    private static byte[] StatusPayload(uint state, int connections, long? ticks = null)
    {
        var output = new ArrayBufferWriter<byte>();
        var writer = new WireWriter(output);
        writer.WriteString("Sys");
        writer.WriteVarInt32(1);
        writer.WriteCount(1);
        writer.WriteString("akkarpc.tcp://Sys@127.0.0.1:1");
        writer.WriteVarInt64(ticks ?? DateTimeOffset.UnixEpoch.Ticks);
        writer.WriteTimeSpan(TimeSpan.Zero);
        writer.WriteVarInt32(connections);
        writer.WriteBool(false);
        writer.WriteCount(1);
        writer.WriteString("orders");
        writer.WriteVarUInt32(state);
        writer.WriteVarInt32(0);
        writer.WriteString(null);
        return Message(WireIds.NodeStatus, output);
    }

    /// <summary>Frames <paramref name="payload"/> as a message: its id, then the length-prefixed payload.</summary>
    private static byte[] Message(int id, ArrayBufferWriter<byte> payload)
    {
        var output = new ArrayBufferWriter<byte>();
        var writer = new WireWriter(output);
        writer.WriteVarUInt32((uint)id);
        writer.WriteBytes(payload.WrittenSpan);
        return output.WrittenSpan.ToArray();
    }
}
