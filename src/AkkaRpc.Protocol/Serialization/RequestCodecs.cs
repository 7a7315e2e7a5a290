
namespace AkkaRpc.Protocol.Serialization;

/// <summary><see cref="Query"/>: the SQL text, its parameters, then its time limit if it has one.</summary>
internal sealed class QueryCodec : MessageCodec<Query>
{
    public override void Write(ref WireWriter writer, Query message)
    {
        SqlValueWire.WriteStatement(ref writer, message.Sql, message.Parameters);
        TimeLimitField.Write(ref writer, message.TimeLimit);
    }

    public override Query Read(ref WireReader reader)
    {
        var sql = SqlValueWire.ReadText(ref reader, "Query.Sql");
        var parameters = SqlValueWire.ReadParameters(ref reader);
        return new Query(sql, parameters) { TimeLimit = TimeLimitField.Read(ref reader) };
    }
}

/// <summary><see cref="Execute"/>: the SQL text, its parameters, then its time limit if it has one.</summary>
internal sealed class ExecuteCodec : MessageCodec<Execute>
{
    public override void Write(ref WireWriter writer, Execute message)
    {
        SqlValueWire.WriteStatement(ref writer, message.Sql, message.Parameters);
        TimeLimitField.Write(ref writer, message.TimeLimit);
    }

    public override Execute Read(ref WireReader reader)
    {
        var sql = SqlValueWire.ReadText(ref reader, "Execute.Sql");
        var parameters = SqlValueWire.ReadParameters(ref reader);
        return new Execute(sql, parameters) { TimeLimit = TimeLimitField.Read(ref reader) };
    }
}

/// <summary><see cref="Batch"/>: a count, each statement's SQL text and parameters, then the time limit if it has one.</summary>
internal sealed class BatchCodec : MessageCodec<Batch>
{
    public override void Write(ref WireWriter writer, Batch message)
    {
        var statements = message.Statements;
        writer.WriteCount(statements.Count);
        for (var i = 0; i < statements.Count; i++)
        {
            SqlValueWire.WriteStatement(ref writer, statements[i].Sql, statements[i].Parameters);
        }

        TimeLimitField.Write(ref writer, message.TimeLimit);
    }

    public override Batch Read(ref WireReader reader)
    {
        var statements = new Statement[reader.ReadCount(SqlValueWire.MinStatementBytes)];
        for (var i = 0; i < statements.Length; i++)
        {
            var sql = SqlValueWire.ReadText(ref reader, "Statement.Sql");
            statements[i] = new Statement(sql, SqlValueWire.ReadParameters(ref reader));
        }

        return new Batch(statements) { TimeLimit = TimeLimitField.Read(ref reader) };
    }
}

/// <summary>
/// A request's optional time limit: its ticks as the payload's last field, or nothing at all when it has none, so a
/// request without a limit is byte for byte what it was before limits existed, and a reader of either form agrees.
/// </summary>
internal static class TimeLimitField
{
    public static void Write(ref WireWriter writer, TimeSpan? limit)
    {
        if (limit is { } value)
        {
            writer.WriteTimeSpan(value);
        }
    }

    public static TimeSpan? Read(ref WireReader reader)
    {
        // A payload is length-prefixed, so whether bytes remain tells whether the field is there.
        if (reader.Remaining == 0)
        {
            return null;
        }

        var limit = reader.ReadTimeSpan();
        return limit > TimeSpan.Zero ? limit : throw new WireFormatException($"Invalid time limit {limit}: it must be positive, or absent for the node's default.");
    }
}

/// <summary>The database requests whose payload is one or two plain fields.</summary>
internal static class SimpleRequestCodecs
{
    private static readonly Ping s_ping = new();
    private static readonly TargetDatabase s_targetDatabase = new();

    public static void Register(CodecRegistry registry)
    {
        registry.Register(WireIds.Begin, new FieldCodec<Begin>(
            static (ref w, m) =>
            {
                w.WriteTimeSpan(m.Lease);
                w.WriteActorRef(m.Holder);
            },
            static (ref r) =>
            {
                var lease = r.ReadTimeSpan();
                return new Begin(lease, r.ReadActorRef());
            }));
        registry.Register(WireIds.Commit, new FieldCodec<Commit>(
            static (ref w, m) => w.WriteVarInt64(m.TransactionId),
            static (ref r) => new Commit(r.ReadVarInt64())));
        registry.Register(WireIds.Rollback, new FieldCodec<Rollback>(
            static (ref w, m) => w.WriteVarInt64(m.TransactionId),
            static (ref r) => new Rollback(r.ReadVarInt64())));
        registry.Register(WireIds.Fetch, new FieldCodec<Fetch>(
            static (ref w, m) => w.WriteVarInt64(m.CursorId),
            static (ref r) => new Fetch(r.ReadVarInt64())));
        registry.Register(WireIds.Transactional, new FieldCodec<Transactional>(
            static (ref w, m) =>
            {
                w.WriteVarInt64(m.TransactionId);

                // The wrapped request is abstract here, so it travels as a nested message with its own id.
                w.WriteMessage(m.Request);
            },
            static (ref r) =>
            {
                var id = r.ReadVarInt64();
                return new Transactional(id, r.ReadMessage<DatabaseRequest>());
            }));
        registry.Register(WireIds.Resolve, new FieldCodec<Resolve>(
            static (ref w, m) => w.WriteString(m.Name),
            static (ref r) => new Resolve(SqlValueWire.ReadText(ref r, "Resolve.Name"))));
        registry.Register(WireIds.LocateOwner, new FieldCodec<LocateOwner>(
            static (ref w, m) => w.WriteString(m.Name),
            static (ref r) => new LocateOwner(SqlValueWire.ReadText(ref r, "LocateOwner.Name"))));
        registry.Register(WireIds.CloseCursor, new FieldCodec<CloseCursor>(
            static (ref w, m) => w.WriteVarInt64(m.CursorId),
            static (ref r) => new CloseCursor(r.ReadVarInt64())));

        // Field-less requests are immutable records, so one shared instance serves every read.
        registry.Register(WireIds.Ping, new FieldCodec<Ping>(
            static (ref w, m) => { },
            static (ref r) => s_ping));
        registry.Register(WireIds.TargetDatabase, new FieldCodec<TargetDatabase>(
            static (ref w, m) => { },
            static (ref r) => s_targetDatabase));
    }
}
