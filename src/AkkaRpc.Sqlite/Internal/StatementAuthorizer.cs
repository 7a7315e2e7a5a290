using SQLitePCL;

namespace AkkaRpc.Sqlite;

/// <summary>SQLite authorizer callback that refuses statements reaching outside the database or managed by the owner.</summary>
/// <remarks>
/// SQLite calls it while compiling a statement and, for VACUUM, while running it: VACUUM has no
/// action code of its own but ATTACHes its target when it runs (an empty file name for a plain
/// VACUUM's temporary copy, the target file for VACUUM INTO). So an ATTACH seen while stepping a
/// statement that did not itself compile an ATTACH is a VACUUM INTO. Denials are recorded so the
/// resulting <c>SQLITE_AUTH</c> error becomes a <see cref="StatementRefused"/> naming the rule.
/// </remarks>
internal sealed class StatementAuthorizer
{
    // Connection-wide pragmas the owner sets for every client; reading them is fine, setting is not.
    private static readonly HashSet<string> OwnerPragmas = new(StringComparer.OrdinalIgnoreCase)
    {
        "journal_mode", "synchronous", "foreign_keys", "locking_mode", "query_only", "trusted_schema",
        "busy_timeout", "temp_store_directory", "data_store_directory", "mmap_size", "cell_size_check",
    };

    private readonly DatabaseOptions _options;

    public StatementAuthorizer(DatabaseOptions options)
    {
        _options = options;
        Callback = Authorize;
    }

    /// <summary>The delegate registered with SQLite; held here so it lives as long as the connection.</summary>
    public delegate_authorizer Callback { get; }

    /// <summary>True while the engine's own statements (BEGIN, COMMIT, SAVEPOINT) compile.</summary>
    public bool Internal { get; set; }

    /// <summary>True while a statement is stepped rather than compiled.</summary>
    public bool Stepping { get; set; }

    /// <summary>True when the statement being stepped compiled an ATTACH itself.</summary>
    public bool SteppedStatementAttaches { get; set; }

    /// <summary>True when the statement being compiled contains an ATTACH.</summary>
    public bool SawAttach { get; private set; }

    /// <summary>The last refusal, cleared by <see cref="Reset"/>.</summary>
    public StatementRefused? LastRefusal { get; private set; }

    /// <summary>Clears what was seen before compiling or stepping a statement.</summary>
    public void Reset()
    {
        LastRefusal = null;
        SawAttach = false;
    }

    private int Authorize(object userData, int action, utf8z arg1, utf8z arg2, utf8z databaseName, utf8z trigger)
    {
        if (Internal)
        {
            return SqliteCodes.Ok;
        }

        var refusal = Stepping ? CheckWhileStepping(action, arg1) : CheckWhileCompiling(action, arg1, arg2);
        if (refusal is null)
        {
            return SqliteCodes.Ok;
        }

        LastRefusal = refusal;
        return SqliteCodes.Deny;
    }

    private StatementRefused? CheckWhileCompiling(int action, utf8z arg1, utf8z arg2)
    {
        switch (action)
        {
            case SqliteCodes.ActionAttach:
                SawAttach = true;
                return _options.AllowAttach ? null : new(RefusalReason.Attach, arg1.utf8_to_string() ?? string.Empty);
            case SqliteCodes.ActionDetach:
                return _options.AllowAttach ? null : new(RefusalReason.Detach, arg1.utf8_to_string() ?? string.Empty);
            case SqliteCodes.ActionFunction:
                return !_options.AllowLoadExtension && string.Equals(arg2.utf8_to_string(), "load_extension", StringComparison.OrdinalIgnoreCase)
                    ? new(RefusalReason.LoadExtension, "load_extension")
                    : null;
            case SqliteCodes.ActionTransaction:
                return new(RefusalReason.TransactionControl, arg1.utf8_to_string() ?? "transaction control");
            case SqliteCodes.ActionSavepoint:
                return new(RefusalReason.TransactionControl, "SAVEPOINT " + arg1.utf8_to_string());
            case SqliteCodes.ActionPragma:
                return CheckPragma(arg1.utf8_to_string() ?? string.Empty, arg2.utf8_to_string());
            default:
                return null;
        }
    }

    private StatementRefused? CheckWhileStepping(int action, utf8z arg1)
    {
        // SQLite re-compiles a statement while stepping it after a schema change; a user ATTACH
        // that passed at compile time passes again under the compile-time rules.
        if (action != SqliteCodes.ActionAttach || SteppedStatementAttaches)
        {
            return null;
        }

        var file = arg1.utf8_to_string();
        return string.IsNullOrEmpty(file) || _options.AllowVacuumInto ? null : new(RefusalReason.VacuumInto, file);
    }

    private StatementRefused? CheckPragma(string pragma, string? value)
    {
        if (value is null)
        {
            return null; // Reading a pragma changes nothing.
        }

        if (string.Equals(pragma, "writable_schema", StringComparison.OrdinalIgnoreCase))
        {
            return _options.AllowWritableSchema ? null : new(RefusalReason.WritableSchema, value);
        }

        return OwnerPragmas.Contains(pragma) ? new(RefusalReason.OwnerPragma, pragma) : null;
    }
}
