using SQLitePCL;

namespace AkkaRpc.Sqlite;

/// <summary>
/// SQLite authorizer callback that refuses statements reaching outside the database, acting on the connection or process
/// every client shares (pragmas off <see cref="PragmaAllowList"/>, temp objects), or managed by the owner.
/// </summary>
/// <remarks>
/// SQLite calls it while compiling a statement and, for VACUUM and the table-valued pragmas, while running it: VACUUM
/// has no action code of its own but ATTACHes its target when it runs (an empty file name for a plain VACUUM's
/// temporary copy, the target file for VACUUM INTO), so an ATTACH seen while stepping a statement that did not itself
/// compile an ATTACH is a VACUUM INTO; and <c>SELECT * FROM pragma_x(...)</c> compiles its PRAGMA only when it runs.
/// Denials are recorded so the resulting <c>SQLITE_AUTH</c> error becomes a <see cref="StatementRefused"/> naming the rule.
/// <para>
/// Temp objects are refused rather than dropped between clients: the writer connection serves every client's
/// requests interleaved, so there is no moment at which a temp table, view or trigger belongs to one client, and while
/// it exists it shadows the main table of the same name, or fires on other clients' writes, for everyone. A common
/// table expression or a regular table does what a client needs one for.
/// </para>
/// </remarks>
internal sealed class StatementAuthorizer
{
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

    /// <summary>
    /// The refusal for a compiled statement that writes the temp schema's catalogue although no action named the
    /// object; a catch-all, since each way SQLite has to create a temp object is refused by name as it compiles.
    /// </summary>
    public StatementRefused? UnnamedTempObject =>
        _writesTempCatalogue && LastRefusal is null ? new(RefusalReason.TempObject, "object (in the temp schema)") : null;

    // What the statement being compiled creates, and whether it writes a row into temp.sqlite_master: SQLite compiles
    // CREATE TABLE temp.t as an INSERT into the temp catalogue and then the CREATE, but CREATE TRIGGER temp.t ON main_table
    // as a CREATE TRIGGER naming main, and only then the INSERT into the temp catalogue that gives it away.
    private (string Kind, string? Name)? _creating;
    private bool _writesTempCatalogue;

    /// <summary>Clears what was seen before compiling or stepping a statement.</summary>
    public void Reset()
    {
        LastRefusal = null;
        SawAttach = false;
        _creating = null;
        _writesTempCatalogue = false;
    }

    private int Authorize(object userData, int action, utf8z arg1, utf8z arg2, utf8z databaseName, utf8z trigger)
    {
        if (Internal)
        {
            return SqliteCodes.Ok;
        }

        var refusal = Stepping ? CheckWhileStepping(action, arg1, arg2, databaseName) : CheckWhileCompiling(action, arg1, arg2, databaseName);
        if (refusal is null)
        {
            return SqliteCodes.Ok;
        }

        LastRefusal = refusal;
        return SqliteCodes.Deny;
    }

    private StatementRefused? CheckWhileCompiling(int action, utf8z arg1, utf8z arg2, utf8z databaseName)
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
                return CheckPragma(arg1, arg2, databaseName);
            case SqliteCodes.ActionCreateTempTable:
                return TempObject("TABLE", arg1);
            case SqliteCodes.ActionCreateTempView:
                return TempObject("VIEW", arg1);
            case SqliteCodes.ActionCreateTempTrigger:
                return TempObject("TRIGGER", arg1);
            case SqliteCodes.ActionCreateTempIndex:
                return TempObject("INDEX", arg1);
            case SqliteCodes.ActionCreateTable:
                return Creating("TABLE", arg1, databaseName);
            case SqliteCodes.ActionCreateView:
                return Creating("VIEW", arg1, databaseName);
            case SqliteCodes.ActionCreateTrigger:
                return Creating("TRIGGER", arg1, databaseName);
            case SqliteCodes.ActionCreateIndex:
                return Creating("INDEX", arg1, databaseName);
            case SqliteCodes.ActionCreateVtable:
                return Creating("VIRTUAL TABLE", arg1, databaseName);
            case SqliteCodes.ActionInsert when IsTemp(databaseName):
                // Only a new temp object writes there; what it is was named already (a trigger) or comes next (the rest).
                _writesTempCatalogue = true;
                return _creating is { } created ? new(RefusalReason.TempObject, $"{created.Kind} {created.Name}") : null;
            default:
                return null;
        }
    }

    private StatementRefused? Creating(string kind, utf8z name, utf8z databaseName)
    {
        _creating = (kind, name.utf8_to_string());
        return IsTemp(databaseName) ? TempObject(kind, name) : null;
    }

    private static bool IsTemp(utf8z databaseName) => string.Equals(databaseName.utf8_to_string(), "temp", StringComparison.OrdinalIgnoreCase);

    private StatementRefused? CheckWhileStepping(int action, utf8z arg1, utf8z arg2, utf8z databaseName)
    {
        // A table-valued pragma compiles its PRAGMA now; the same list applies.
        if (action == SqliteCodes.ActionPragma)
        {
            return CheckPragma(arg1, arg2, databaseName);
        }

        // SQLite re-compiles a statement while stepping it after a schema change; a user ATTACH
        // that passed at compile time passes again under the compile-time rules.
        if (action != SqliteCodes.ActionAttach || SteppedStatementAttaches)
        {
            return null;
        }

        var file = arg1.utf8_to_string();
        return string.IsNullOrEmpty(file) || _options.AllowVacuumInto ? null : new(RefusalReason.VacuumInto, file);
    }

    private StatementRefused? CheckPragma(utf8z pragma, utf8z value, utf8z databaseName) =>
        PragmaAllowList.Check(pragma.utf8_to_string() ?? string.Empty, value.utf8_to_string(), databaseName.utf8_to_string(), _options.AllowWritableSchema);

    private static StatementRefused TempObject(string kind, utf8z name) => new(RefusalReason.TempObject, $"{kind} {name.utf8_to_string()}");
}
