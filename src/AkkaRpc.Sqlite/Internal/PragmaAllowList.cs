using System.Collections.Frozen;

namespace AkkaRpc.Sqlite;

/// <summary>
/// The pragmas a client may run on a shared node, and why each other one is refused. Every client of a database shares
/// its connections, and every database shares the process, so a pragma that changes either is refused: it would act on
/// every other client (a heap limit that fails every database, a CHECK turned off for someone else's rows). What is
/// left reads, or writes only data of this database, as any INSERT may.
/// </summary>
/// <remarks>
/// An allow-list, so a pragma SQLite adds later is refused until someone has looked at it. The same rules hold for
/// <c>PRAGMA x</c> and for the table-valued <c>pragma_x(...)</c> form, which SQLite compiles as a PRAGMA while it runs.
/// </remarks>
internal static class PragmaAllowList
{
    /// <summary>What a client may do with one pragma.</summary>
    private enum Use
    {
        /// <summary>Run it, with or without an argument: it only reports (schema, integrity, statistics), and any argument names what to report on.</summary>
        Report,

        /// <summary>Read it; setting it changes the shared connection or process, for the reason given.</summary>
        Read,

        /// <summary>Read and set it: it is a value stored in this database, written in the caller's own transaction like a row.</summary>
        ReadWrite,
    }

    private static readonly FrozenDictionary<string, (Use Use, string? Why)> Rules = Build();

    /// <summary>Why <paramref name="pragma"/> may not run as written, or null when it may.</summary>
    /// <param name="pragma">Its name, as written.</param>
    /// <param name="value">Its argument or assigned value; null when it is read.</param>
    /// <param name="schema">The schema it names (<c>main</c>, <c>temp</c>, ...), or null.</param>
    /// <param name="allowWritableSchema">Whether the configuration permits setting writable_schema.</param>
    public static StatementRefused? Check(string pragma, string? value, string? schema, bool allowWritableSchema)
    {
        if (string.Equals(pragma, "writable_schema", StringComparison.OrdinalIgnoreCase) && value is not null)
        {
            return allowWritableSchema ? null : new(RefusalReason.WritableSchema, value);
        }

        if (!Rules.TryGetValue(pragma, out var rule))
        {
            return new(RefusalReason.PragmaNotAllowed, NotAllowedDetail(pragma));
        }

        if (value is null || rule.Use == Use.Report)
        {
            return null;
        }

        if (rule.Use == Use.ReadWrite && !string.Equals(schema, "temp", StringComparison.OrdinalIgnoreCase))
        {
            return null;
        }

        // The temp schema's header belongs to the shared connection, not to the database.
        var why = rule.Why ?? "the temp schema belongs to the connection every client shares";
        return new(RefusalReason.OwnerPragma, $"{pragma} = {value} ({why})");
    }

    private static string NotAllowedDetail(string pragma) => pragma.ToLowerInvariant() switch
    {
        "wal_checkpoint" => $"{pragma} (the node checkpoints the shared WAL itself; a forced checkpoint waits on every client's open reads)",
        "incremental_vacuum" or "shrink_memory" => $"{pragma} (it acts on the shared file or connection, for every client)",
        "case_sensitive_like" => $"{pragma} (it changes LIKE in every client's statements, and cannot even be read back)",
        "temp_store_directory" or "data_store_directory" => $"{pragma} (it names directories for the whole process)",
        _ => pragma,
    };

    private static FrozenDictionary<string, (Use, string?)> Build()
    {
        var rules = new Dictionary<string, (Use, string?)>(StringComparer.OrdinalIgnoreCase);
        void Add(Use use, string? why, params string[] names)
        {
            foreach (var name in names)
            {
                rules.Add(name, (use, why));
            }
        }

        // Schema and status reports. Their argument names a table or an index, or caps how many problems to list.
        Add(Use.Report, null,
            "table_info", "table_xinfo", "table_list", "index_list", "index_info", "index_xinfo",
            "foreign_key_list", "foreign_key_check", "integrity_check", "quick_check",
            "compile_options", "database_list", "function_list", "module_list", "pragma_list", "collation_list",
            "data_version", "freelist_count", "page_count");

        // optimize runs ANALYZE where it would help (its argument is a mask of what to consider): it writes only this
        // database's statistics tables, as a plain ANALYZE, which every client may run, does, and it runs under the
        // request's time limit like any statement.
        Add(Use.Report, null, "optimize");

        // Values in this database's header, which a client reads and writes as it reads and writes rows: inside its own
        // statement's transaction (rolled back with a failed batch), visible to the others exactly as a row would be.
        Add(Use.ReadWrite, null, "user_version", "application_id");

        // Settings a client may read but not change, grouped by what a change would do to everyone else.
        Add(Use.Read, "it caps memory for the whole node process, every database included", "hard_heap_limit", "soft_heap_limit");
        Add(Use.Read, "it sets the helper threads of the whole process", "threads");
        Add(Use.Read, "it caps the size of the shared database file", "max_page_count");
        Add(Use.Read, "it turns off a check for every client's writes",
            "ignore_check_constraints", "foreign_keys", "defer_foreign_keys", "cell_size_check");
        Add(Use.Read, "the node sets durability, locking and caching of the shared connection",
            "journal_mode", "synchronous", "locking_mode", "wal_autocheckpoint", "journal_size_limit", "fullfsync",
            "checkpoint_fullfsync", "busy_timeout", "mmap_size", "temp_store", "cache_size", "cache_spill", "secure_delete");
        Add(Use.Read, "it changes how every client's statements run on the shared connection",
            "query_only", "recursive_triggers", "automatic_index", "reverse_unordered_selects", "legacy_alter_table",
            "trusted_schema", "analysis_limit", "writable_schema");
        Add(Use.Read, "it changes the file format of the shared database, or corrupts it",
            "page_size", "auto_vacuum", "encoding", "schema_version");
        return rules.ToFrozenDictionary(StringComparer.OrdinalIgnoreCase);
    }
}
