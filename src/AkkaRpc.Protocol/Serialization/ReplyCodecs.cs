
namespace AkkaRpc.Protocol.Serialization;

/// <summary>The database replies other than <see cref="QueryResult"/>: each a few plain fields.</summary>
internal static class ReplyCodecs
{
    // Two varints: the fewest bytes an ExecuteResult takes inside a BatchResult.
    private const int MinExecuteResultBytes = 2;

    public static void Register(CodecRegistry registry)
    {
        registry.Register(WireIds.ExecuteResult, new FieldCodec<ExecuteResult>(
            static (ref w, m) => WriteExecuteResult(ref w, m),
            static (ref r) => ReadExecuteResult(ref r)));
        registry.Register(WireIds.BatchResult, new FieldCodec<BatchResult>(
            static (ref w, m) =>
            {
                w.WriteCount(m.Results.Count);
                for (var i = 0; i < m.Results.Count; i++)
                {
                    WriteExecuteResult(ref w, m.Results[i]);
                }
            },
            static (ref r) =>
            {
                var results = new ExecuteResult[r.ReadCount(MinExecuteResultBytes)];
                for (var i = 0; i < results.Length; i++)
                {
                    results[i] = ReadExecuteResult(ref r);
                }

                return new BatchResult(results);
            }));
        registry.Register(WireIds.TransactionStarted, new FieldCodec<TransactionStarted>(
            static (ref w, m) =>
            {
                w.WriteVarInt64(m.TransactionId);
                w.WriteTimeSpan(m.Lease);
            },
            static (ref r) =>
            {
                var id = r.ReadVarInt64();
                return new TransactionStarted(id, r.ReadTimeSpan());
            }));
        registry.Register(WireIds.TransactionEnded, new FieldCodec<TransactionEnded>(
            static (ref w, m) =>
            {
                w.WriteVarInt64(m.TransactionId);
                w.WriteBool(m.Committed);
            },
            static (ref r) =>
            {
                var id = r.ReadVarInt64();
                return new TransactionEnded(id, r.ReadBool());
            }));
        registry.Register(WireIds.CursorClosed, new FieldCodec<CursorClosed>(
            static (ref w, m) => w.WriteVarInt64(m.CursorId),
            static (ref r) => new CursorClosed(r.ReadVarInt64())));
        registry.Register(WireIds.Pong, new FieldCodec<Pong>(
            static (ref w, m) => w.WriteString(m.Name),
            static (ref r) => new Pong(SqlValueWire.ReadText(ref r, "Pong.Name"))));
        registry.Register(WireIds.TargetDatabaseInfo, new FieldCodec<TargetDatabaseInfo>(
            static (ref w, m) =>
            {
                w.WriteString(m.Name);
                w.WriteString(m.FullPath);
                w.WriteBool(m.ReadOnly);
            },
            static (ref r) =>
            {
                var name = SqlValueWire.ReadText(ref r, "TargetDatabaseInfo.Name");
                var path = SqlValueWire.ReadText(ref r, "TargetDatabaseInfo.FullPath");
                return new TargetDatabaseInfo(name, path, r.ReadBool());
            }));
        registry.Register(WireIds.Resolved, new FieldCodec<Resolved>(
            static (ref w, m) =>
            {
                w.WriteString(m.Name);
                w.WriteActorRef(m.Owner);
            },
            static (ref r) =>
            {
                var name = SqlValueWire.ReadText(ref r, "Resolved.Name");
                var owner = r.ReadActorRef() ?? throw new WireFormatException("Invalid Resolved.Owner: it is null, but the field is required.");
                return new Resolved(name, owner);
            }));
    }

    private static void WriteExecuteResult(ref WireWriter writer, ExecuteResult result)
    {
        writer.WriteVarInt64(result.RowsAffected);
        writer.WriteVarInt64(result.LastInsertRowId);
    }

    private static ExecuteResult ReadExecuteResult(ref WireReader reader)
    {
        var rowsAffected = reader.ReadVarInt64();
        return new ExecuteResult(rowsAffected, reader.ReadVarInt64());
    }
}
