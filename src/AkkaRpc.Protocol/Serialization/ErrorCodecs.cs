
namespace AkkaRpc.Protocol.Serialization;

/// <summary>The <see cref="DatabaseError"/> replies: their fields only, since each message text is rebuilt from them.</summary>
internal static class ErrorCodecs
{
    public static void Register(CodecRegistry registry)
    {
        registry.Register(WireIds.SqlError, new FieldCodec<SqlError>(
            static (ref w, m) =>
            {
                // SQLite's codes pass through unchanged, as Microsoft.Data.Sqlite's SqliteException carries them.
                w.WriteVarInt32(m.PrimaryCode);
                w.WriteVarInt32(m.ExtendedCode);
                w.WriteString(m.Message);
            },
            static (ref r) =>
            {
                var primary = r.ReadVarInt32();
                var extended = r.ReadVarInt32();
                return new SqlError(primary, extended, SqlValueWire.ReadText(ref r, "SqlError.Message"));
            }));
        registry.Register(WireIds.Busy, new FieldCodec<Busy>(
            static (ref w, m) =>
            {
                w.WriteVarInt32(m.ExtendedCode);
                w.WriteString(m.Detail);
            },
            static (ref r) =>
            {
                var code = r.ReadVarInt32();
                return new Busy(code, SqlValueWire.ReadText(ref r, "Busy.Detail"));
            }));
        registry.Register(WireIds.BatchFailed, new FieldCodec<BatchFailed>(
            static (ref w, m) =>
            {
                w.WriteVarInt32(m.StatementIndex);
                w.WriteMessage(m.Error);
            },
            static (ref r) =>
            {
                var index = r.ReadVarInt32();
                return new BatchFailed(index, r.ReadMessage<DatabaseError>());
            }));
        registry.Register(WireIds.CursorNotFound, new FieldCodec<CursorNotFound>(
            static (ref w, m) => w.WriteVarInt64(m.CursorId),
            static (ref r) => new CursorNotFound(r.ReadVarInt64())));
        registry.Register(WireIds.DatabaseNotFound, new FieldCodec<DatabaseNotFound>(
            static (ref w, m) => w.WriteString(m.Name),
            static (ref r) => new DatabaseNotFound(SqlValueWire.ReadText(ref r, "DatabaseNotFound.Name"))));
        registry.Register(WireIds.DatabaseUnavailable, new FieldCodec<DatabaseUnavailable>(
            static (ref w, m) =>
            {
                w.WriteString(m.Name);
                w.WriteString(m.LastFailure);
            },
            static (ref r) =>
            {
                var name = SqlValueWire.ReadText(ref r, "DatabaseUnavailable.Name");
                return new DatabaseUnavailable(name, SqlValueWire.ReadText(ref r, "DatabaseUnavailable.LastFailure"));
            }));
        registry.Register(WireIds.InvalidDatabaseName, new FieldCodec<InvalidDatabaseName>(
            static (ref w, m) =>
            {
                w.WriteString(m.Name);
                w.WriteString(m.Reason);
            },
            static (ref r) =>
            {
                var name = SqlValueWire.ReadText(ref r, "InvalidDatabaseName.Name");
                return new InvalidDatabaseName(name, SqlValueWire.ReadText(ref r, "InvalidDatabaseName.Reason"));
            }));
        registry.Register(WireIds.LimitExceeded, new FieldCodec<LimitExceeded>(
            static (ref w, m) =>
            {
                w.WriteVarUInt32((uint)m.Limit);
                w.WriteVarInt64(m.Maximum);
                w.WriteVarInt64(m.Actual);
            },
            static (ref r) =>
            {
                var limit = ReadLimitKind(ref r);
                var maximum = r.ReadVarInt64();
                return new LimitExceeded(limit, maximum, r.ReadVarInt64());
            }));
        registry.Register(WireIds.StatementRefused, new FieldCodec<StatementRefused>(
            static (ref w, m) =>
            {
                w.WriteVarUInt32((uint)m.Reason);
                w.WriteString(m.Detail);
            },
            static (ref r) =>
            {
                var reason = ReadRefusalReason(ref r);
                return new StatementRefused(reason, SqlValueWire.ReadText(ref r, "StatementRefused.Detail"));
            }));
        registry.Register(WireIds.TransactionInProgress, new FieldCodec<TransactionInProgress>(
            static (ref w, m) => w.WriteVarInt64(m.ActiveTransactionId),
            static (ref r) => new TransactionInProgress(r.ReadVarInt64())));
        registry.Register(WireIds.TransactionLeaseExpired, new FieldCodec<TransactionLeaseExpired>(
            static (ref w, m) => w.WriteVarInt64(m.TransactionId),
            static (ref r) => new TransactionLeaseExpired(r.ReadVarInt64())));
        registry.Register(WireIds.TransactionNotFound, new FieldCodec<TransactionNotFound>(
            static (ref w, m) => w.WriteVarInt64(m.TransactionId),
            static (ref r) => new TransactionNotFound(r.ReadVarInt64())));
        registry.Register(WireIds.Overloaded, new FieldCodec<Overloaded>(
            static (ref w, m) =>
            {
                w.WriteString(m.Name);
                w.WriteVarInt32(m.Capacity);
            },
            static (ref r) =>
            {
                var name = SqlValueWire.ReadText(ref r, "Overloaded.Name");
                return new Overloaded(name, r.ReadVarInt32());
            }));
        registry.Register(WireIds.OwnerStopped, new FieldCodec<OwnerStopped>(
            static (ref w, m) => w.WriteString(m.Name),
            static (ref r) => new OwnerStopped(SqlValueWire.ReadText(ref r, "OwnerStopped.Name"))));
        registry.Register(WireIds.OwnerLost, new FieldCodec<OwnerLost>(
            static (ref w, m) =>
            {
                w.WriteString(m.Name);
                w.WriteString(m.Member);
            },
            static (ref r) =>
            {
                var name = SqlValueWire.ReadText(ref r, "OwnerLost.Name");
                return new OwnerLost(name, SqlValueWire.ReadText(ref r, "OwnerLost.Member"));
            }));
        registry.Register(WireIds.StatementTimedOut, new FieldCodec<StatementTimedOut>(
            static (ref w, m) =>
            {
                w.WriteString(m.Sql);
                w.WriteTimeSpan(m.Limit);
                w.WriteTimeSpan(m.Maximum);
                w.WriteBool(m.TransactionRolledBack);
            },
            static (ref r) =>
            {
                var sql = SqlValueWire.ReadText(ref r, "StatementTimedOut.Sql");
                var limit = r.ReadTimeSpan();
                var maximum = r.ReadTimeSpan();
                return new StatementTimedOut(sql, limit, maximum, r.ReadBool());
            }));
        registry.Register(WireIds.LeaseOutOfRange, new FieldCodec<LeaseOutOfRange>(
            static (ref w, m) =>
            {
                w.WriteTimeSpan(m.Requested);
                w.WriteTimeSpan(m.Maximum);
            },
            static (ref r) =>
            {
                var requested = r.ReadTimeSpan();
                return new LeaseOutOfRange(requested, r.ReadTimeSpan());
            }));
    }

    // Enums are checked value by value rather than through reflection; a value added to the enum must be added here too.
    private static LimitKind ReadLimitKind(ref WireReader reader)
    {
        var value = reader.ReadVarUInt32();
        return (LimitKind)value is LimitKind.StatementLength or LimitKind.BatchStatements or LimitKind.OpenCursors or LimitKind.ReplySize
            or LimitKind.ClientCursors or LimitKind.OpenDatabases or LimitKind.QueuedBytes
            ? (LimitKind)value
            : throw new WireFormatException($"Invalid LimitExceeded: unknown LimitKind {value}.");
    }

    private static RefusalReason ReadRefusalReason(ref WireReader reader)
    {
        var value = reader.ReadVarUInt32();
        return (RefusalReason)value is RefusalReason.Attach or RefusalReason.Detach or RefusalReason.VacuumInto
            or RefusalReason.LoadExtension or RefusalReason.WritableSchema or RefusalReason.TransactionControl
            or RefusalReason.OwnerPragma or RefusalReason.MultipleStatements or RefusalReason.EmptyStatement
            or RefusalReason.PragmaNotAllowed or RefusalReason.TempObject
            ? (RefusalReason)value
            : throw new WireFormatException($"Invalid StatementRefused: unknown RefusalReason {value}.");
    }
}
