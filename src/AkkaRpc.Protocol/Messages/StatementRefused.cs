namespace AkkaRpc.Protocol;

/// <summary>The owner refused the statement; nothing ran.</summary>
/// <param name="Reason">Which rule refused it.</param>
/// <param name="Detail">What was refused, for example the pragma (with why) or the file name.</param>
public sealed record StatementRefused(RefusalReason Reason, string Detail) : DatabaseError
{
    /// <inheritdoc/>
    public override string Message => Reason switch
    {
        RefusalReason.Attach => $"ATTACH '{Detail}' was refused: this database may not open other files. Set AllowAttach in its configuration to permit it.",
        RefusalReason.Detach => $"DETACH {Detail} was refused: set AllowAttach in the database's configuration to permit ATTACH and DETACH.",
        RefusalReason.VacuumInto => $"VACUUM INTO '{Detail}' was refused: this database may not write other files. Set AllowVacuumInto in its configuration to permit it.",
        RefusalReason.LoadExtension => "load_extension() was refused: loading native code is disabled. Set AllowLoadExtension in the database's configuration to permit it.",
        RefusalReason.WritableSchema => $"PRAGMA writable_schema = {Detail} was refused: it can corrupt the database. Set AllowWritableSchema in its configuration to permit it.",
        RefusalReason.TransactionControl => $"{Detail} in SQL text was refused: use the Begin/Commit/Rollback messages or a Batch, so the owner can keep other clients out of your transaction.",
        RefusalReason.OwnerPragma => $"PRAGMA {Detail} was refused: setting it would change the connection or process that every client of this node shares. " +
            "Reading it (without a value) is allowed; an operator sets it in the node's configuration.",
        RefusalReason.PragmaNotAllowed => $"PRAGMA {Detail} was refused: it is not on the node's allow-list, because it acts on the connection, process or file that every client shares. " +
            "Allowed are the schema and status pragmas (table_info, index_list, foreign_key_check, integrity_check, ...), reading settings, optimize, and setting user_version and application_id.",
        RefusalReason.TempObject => $"CREATE TEMP {Detail} was refused: temp objects live on the one connection every client of this database shares, where they outlive your request " +
            "and shadow or act on other clients' tables. Use a common table expression (WITH ...) or a regular table.",
        RefusalReason.MultipleStatements => "The SQL text holds more than one statement: send one statement per Query or Execute, or several as a Batch.",
        RefusalReason.EmptyStatement => "The SQL text holds no statement: send exactly one SQL statement.",
        _ => $"The statement was refused ({Reason}): {Detail}",
    };
}
