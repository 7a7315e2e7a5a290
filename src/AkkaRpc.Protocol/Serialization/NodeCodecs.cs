
namespace AkkaRpc.Protocol.Serialization;

/// <summary>The node admin messages: <see cref="GetNodeStatus"/>, <see cref="StopNode"/> and their replies.</summary>
internal static class NodeCodecs
{
    // Name, state, depth and the failure's null marker take at least a byte each.
    private const int MinDatabaseStatusBytes = 4;

    // Address, pid, status, role count and database count take at least a byte each.
    private const int MinMemberStatusBytes = 5;

    public static void Register(CodecRegistry registry)
    {
        registry.Register(WireIds.GetNodeStatus, new FieldCodec<GetNodeStatus>(
            static (ref w, m) => w.WriteBool(m.MemberOnly),
            static (ref r) => r.ReadBool() ? GetNodeStatus.ThisMember : GetNodeStatus.Instance));
        registry.Register(WireIds.StopNode, new FieldCodec<StopNode>(
            static (ref w, m) => w.WriteString(m.Reason),
            static (ref r) => new StopNode(SqlValueWire.ReadText(ref r, "StopNode.Reason"))));
        registry.Register(WireIds.NodeStopping, new FieldCodec<NodeStopping>(
            static (ref w, m) => w.WriteVarInt32(m.ProcessId),
            static (ref r) => new NodeStopping(r.ReadVarInt32())));
        registry.Register(WireIds.NodeStatus, new FieldCodec<NodeStatus>(
            static (ref w, m) => WriteNodeStatus(ref w, m),
            static (ref r) => ReadNodeStatus(ref r)));
    }

    private static void WriteNodeStatus(ref WireWriter writer, NodeStatus status)
    {
        writer.WriteString(status.SystemName);
        writer.WriteVarInt32(status.ProcessId);
        writer.WriteCount(status.Addresses.Count);
        foreach (var address in status.Addresses)
        {
            writer.WriteString(address);
        }

        // The local clock time and its offset, so the reader sees the instant as the node wrote it.
        writer.WriteVarInt64(status.StartedAt.Ticks);
        writer.WriteTimeSpan(status.StartedAt.Offset);
        writer.WriteVarInt32(status.Connections);
        writer.WriteBool(status.IdleShutdown is not null);
        if (status.IdleShutdown is { } idle)
        {
            writer.WriteTimeSpan(idle);
        }

        WriteDatabases(ref writer, status.Databases);
        writer.WriteCount(status.Members.Count);
        foreach (var member in status.Members)
        {
            writer.WriteString(member.Address);
            writer.WriteVarInt32(member.ProcessId);
            writer.WriteString(member.Status);
            writer.WriteCount(member.Roles.Count);
            foreach (var role in member.Roles)
            {
                writer.WriteString(role);
            }

            WriteDatabases(ref writer, member.Databases);
        }
    }

    private static void WriteDatabases(ref WireWriter writer, IReadOnlyList<DatabaseStatus> databases)
    {
        writer.WriteCount(databases.Count);
        foreach (var database in databases)
        {
            writer.WriteString(database.Name);
            writer.WriteVarUInt32((uint)database.State);
            writer.WriteVarInt32(database.MailboxDepth);
            writer.WriteString(database.LastFailure);
        }
    }

    private static DatabaseStatus[] ReadDatabases(ref WireReader reader)
    {
        var databases = new DatabaseStatus[reader.ReadCount(MinDatabaseStatusBytes)];
        for (var i = 0; i < databases.Length; i++)
        {
            var name = SqlValueWire.ReadText(ref reader, "DatabaseStatus.Name");
            var state = ReadState(ref reader);
            var depth = reader.ReadVarInt32();
            databases[i] = new DatabaseStatus(name, state, depth, reader.ReadString());
        }

        return databases;
    }

    private static NodeStatus ReadNodeStatus(ref WireReader reader)
    {
        var systemName = SqlValueWire.ReadText(ref reader, "NodeStatus.SystemName");
        var processId = reader.ReadVarInt32();
        var addresses = new string[reader.ReadCount()];
        for (var i = 0; i < addresses.Length; i++)
        {
            addresses[i] = SqlValueWire.ReadText(ref reader, "NodeStatus.Addresses");
        }

        var startedAt = ReadInstant(ref reader);
        var connections = reader.ReadVarInt32();
        if (connections < 0)
        {
            throw new WireFormatException($"Invalid NodeStatus.Connections: {connections} is negative.");
        }

        TimeSpan? idle = reader.ReadBool() ? reader.ReadTimeSpan() : null;
        var databases = ReadDatabases(ref reader);
        var members = new ClusterMemberStatus[reader.ReadCount(MinMemberStatusBytes)];
        for (var i = 0; i < members.Length; i++)
        {
            var address = SqlValueWire.ReadText(ref reader, "ClusterMemberStatus.Address");
            var pid = reader.ReadVarInt32();
            if (pid < 0)
            {
                throw new WireFormatException($"Invalid ClusterMemberStatus.ProcessId: {pid} is negative.");
            }

            var memberStatus = SqlValueWire.ReadText(ref reader, "ClusterMemberStatus.Status");
            var roles = new string[reader.ReadCount()];
            for (var j = 0; j < roles.Length; j++)
            {
                roles[j] = SqlValueWire.ReadText(ref reader, "ClusterMemberStatus.Roles");
            }

            members[i] = new ClusterMemberStatus(address, pid, memberStatus, roles, ReadDatabases(ref reader));
        }

        return new NodeStatus(systemName, processId, addresses, startedAt, connections, idle, databases) { Members = members };
    }

    private static DateTimeOffset ReadInstant(ref WireReader reader)
    {
        var ticks = reader.ReadVarInt64();
        var offset = reader.ReadTimeSpan();
        try
        {
            return new DateTimeOffset(ticks, offset);
        }
        catch (ArgumentException ex)
        {
            throw new WireFormatException($"Invalid NodeStatus.StartedAt: ticks {ticks} with offset {offset} is not a valid instant.", ex);
        }
    }

    // Checked value by value rather than through reflection; a value added to the enum must be added here too.
    private static DatabaseState ReadState(ref WireReader reader)
    {
        var value = reader.ReadVarUInt32();
        return (DatabaseState)value is DatabaseState.Open or DatabaseState.Reopening or DatabaseState.Closing or DatabaseState.Unavailable
            ? (DatabaseState)value
            : throw new WireFormatException($"Invalid DatabaseStatus.State: unknown DatabaseState {value}.");
    }
}
