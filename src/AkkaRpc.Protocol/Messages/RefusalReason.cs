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

    /// <summary>Setting a pragma the owner manages for every client (journal_mode, synchronous, foreign_keys, locking_mode, query_only, trusted_schema and the like).</summary>
    OwnerPragma = 7,

    /// <summary>The SQL text holds more than one statement; send several statements as a <see cref="Batch"/>.</summary>
    MultipleStatements = 8,

    /// <summary>The SQL text holds no statement at all.</summary>
    EmptyStatement = 9,
}
