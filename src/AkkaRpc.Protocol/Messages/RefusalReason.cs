namespace AkkaRpc.Protocol;

/// <summary>Why the owner refused a statement before SQLite ran it.</summary>
public enum RefusalReason
{
    /// <summary>ATTACH reaches outside the database; allowed only with <c>AllowAttach</c>.</summary>
    Attach = 1,

    /// <summary>DETACH; allowed only with <c>AllowAttach</c>.</summary>
    Detach = 2,

    /// <summary>VACUUM INTO writes a new file; allowed only with <c>AllowVacuumInto</c>.</summary>
    VacuumInto = 3,

    /// <summary>load_extension() runs native code; allowed only with <c>AllowLoadExtension</c>.</summary>
    LoadExtension = 4,

    /// <summary>Setting writable_schema can corrupt the database; allowed only with <c>AllowWritableSchema</c>.</summary>
    WritableSchema = 5,

    /// <summary>BEGIN, COMMIT, ROLLBACK and SAVEPOINT in SQL text; the owner manages transactions through <see cref="Begin"/>, <see cref="Commit"/>, <see cref="Rollback"/> and <see cref="Batch"/>.</summary>
    TransactionControl = 6,

    /// <summary>
    /// Setting a pragma that changes the connection or the process every client shares (journal_mode, foreign_keys,
    /// hard_heap_limit, ignore_check_constraints, max_page_count and the like); reading it is allowed.
    /// </summary>
    OwnerPragma = 7,

    /// <summary>The SQL text holds more than one statement; send several statements as a <see cref="Batch"/>.</summary>
    MultipleStatements = 8,

    /// <summary>The SQL text holds no statement at all.</summary>
    EmptyStatement = 9,

    /// <summary>A pragma that is not on the owner's allow-list at all, to read or to set: it acts on the shared connection, the process or the file (wal_checkpoint, shrink_memory, case_sensitive_like, ...).</summary>
    PragmaNotAllowed = 10,

    /// <summary>CREATE TEMP TABLE, VIEW, TRIGGER or INDEX (or a virtual table in temp): temp objects live on the connection every client shares, and shadow or act on other clients' tables.</summary>
    TempObject = 11,
}
