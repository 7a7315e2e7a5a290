namespace AkkaRpc.Sqlite.Tests;

public sealed class PragmaTests : IDisposable
{
    private readonly TestDatabase _db = new();

    public PragmaTests()
    {
        _db.Exec("CREATE TABLE items(id INTEGER PRIMARY KEY, name TEXT NOT NULL, qty INTEGER CHECK (qty >= 0))");
        _db.Exec("CREATE INDEX items_name ON items(name)");
        _db.Exec("CREATE TABLE lines(id INTEGER PRIMARY KEY, item INTEGER REFERENCES items(id))");
    }

    /// <summary>Settings of the shared connection or process: each may be read, none set.</summary>
    public static TheoryData<string> SharedSettings() =>
    [
        "hard_heap_limit = 1000000", "soft_heap_limit = 1", "threads = 4", "max_page_count = 1",
        "ignore_check_constraints = 1", "foreign_keys = OFF", "defer_foreign_keys = ON", "cell_size_check = 0",
        "journal_mode = DELETE", "synchronous = OFF", "locking_mode = EXCLUSIVE", "wal_autocheckpoint = 0",
        "journal_size_limit = 0", "fullfsync = 1", "checkpoint_fullfsync = 1", "busy_timeout = 0", "mmap_size = 0",
        "temp_store = MEMORY", "cache_size = 1", "cache_spill = 0", "secure_delete = 1",
        "query_only = 1", "recursive_triggers = 1", "automatic_index = 0", "reverse_unordered_selects = 1",
        "legacy_alter_table = 1", "trusted_schema = 1", "analysis_limit = 1",
        "page_size = 8192", "auto_vacuum = FULL", "encoding = 'UTF-16le'", "schema_version = 99",
        "main.foreign_keys = 0", "temp.user_version = 1", "HARD_HEAP_LIMIT = 1",
    ];

    [Theory]
    [MemberData(nameof(SharedSettings))]
    public void Setting_a_pragma_of_the_shared_connection_or_process_is_refused_naming_it_and_why(string pragma)
    {
        foreach (var reply in new[] { _db.Database.Execute(new Execute("PRAGMA " + pragma)), _db.Database.Query(new Query("PRAGMA " + pragma)) })
        {
            var refused = Assert.IsType<StatementRefused>(reply);
            Assert.Equal(RefusalReason.OwnerPragma, refused.Reason);
            var name = pragma.Split(' ')[0].Split('.')[^1];
            Assert.Contains(name, refused.Message, StringComparison.Ordinal);
            Assert.Contains("every client", refused.Message, StringComparison.Ordinal);
            Assert.Matches(@"^\S+ = .+ \(.+\)$", refused.Detail); // the pragma, its value and why
        }

        // Nothing changed: the owner's settings hold, and the database still works.
        Assert.Equal("wal", _db.Scalar("PRAGMA journal_mode").AsText());
        Assert.Equal(1L, _db.Scalar("PRAGMA foreign_keys").AsInteger());
        Assert.Equal(0L, _db.Scalar("PRAGMA hard_heap_limit").AsInteger());
        Assert.Equal(0L, _db.Scalar("PRAGMA ignore_check_constraints").AsInteger());
        Assert.Equal(0L, _db.Scalar("PRAGMA temp.user_version").AsInteger());
        _db.Exec("INSERT INTO items(name, qty) VALUES ('still', 1)");
    }

    [Theory]
    [InlineData("wal_checkpoint", "checkpoints")]
    [InlineData("wal_checkpoint(TRUNCATE)", "checkpoints")]
    [InlineData("case_sensitive_like = 1", "LIKE")]
    [InlineData("shrink_memory", "shared")]
    [InlineData("incremental_vacuum(10)", "shared")]
    [InlineData("temp_store_directory = '/tmp'", "directories")]
    [InlineData("no_such_pragma", "allow-list")]
    [InlineData("vdbe_trace = 1", "allow-list")]
    public void A_pragma_off_the_allow_list_is_refused_to_read_and_to_set(string pragma, string why)
    {
        var refused = Assert.IsType<StatementRefused>(_db.Database.Execute(new Execute("PRAGMA " + pragma)));
        Assert.Equal(RefusalReason.PragmaNotAllowed, refused.Reason);
        Assert.Contains(pragma.Split(' ', '(')[0], refused.Message, StringComparison.Ordinal);
        Assert.Contains(why, refused.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void The_table_valued_form_of_a_pragma_is_held_to_the_same_list_when_it_runs()
    {
        Assert.Equal(["id", "name", "qty"], _db.Query("SELECT name FROM pragma_table_info('items') ORDER BY cid").Rows.Select(r => r[0].AsText()));
        Assert.Equal(0L, _db.Scalar("SELECT hard_heap_limit FROM pragma_hard_heap_limit").AsInteger());

        Assert.Equal(0L, _db.Scalar("SELECT count(*) FROM pragma_foreign_key_check").AsInteger());
    }

    [Theory]
    [InlineData("table_info(items)")]
    [InlineData("table_xinfo(items)")]
    [InlineData("table_list")]
    [InlineData("table_list(items)")]
    [InlineData("index_list(items)")]
    [InlineData("index_info(items_name)")]
    [InlineData("index_xinfo(items_name)")]
    [InlineData("foreign_key_list(lines)")]
    [InlineData("foreign_key_check")]
    [InlineData("foreign_key_check(lines)")]
    [InlineData("integrity_check")]
    [InlineData("integrity_check(10)")]
    [InlineData("quick_check")]
    [InlineData("main.quick_check(items)")]
    [InlineData("compile_options")]
    [InlineData("database_list")]
    [InlineData("function_list")]
    [InlineData("module_list")]
    [InlineData("pragma_list")]
    [InlineData("collation_list")]
    [InlineData("data_version")]
    [InlineData("freelist_count")]
    [InlineData("page_count")]
    [InlineData("page_size")]
    [InlineData("encoding")]
    [InlineData("auto_vacuum")]
    [InlineData("schema_version")]
    [InlineData("user_version")]
    [InlineData("application_id")]
    [InlineData("journal_mode")]
    [InlineData("synchronous")]
    [InlineData("foreign_keys")]
    [InlineData("hard_heap_limit")]
    [InlineData("soft_heap_limit")]
    [InlineData("max_page_count")]
    [InlineData("ignore_check_constraints")]
    [InlineData("cache_size")]
    [InlineData("busy_timeout")]
    [InlineData("query_only")]
    [InlineData("threads")]
    [InlineData("writable_schema")]
    [InlineData("optimize")]
    [InlineData("optimize(0x10002)")]
    public void Reports_and_reading_settings_are_allowed(string pragma)
    {
        Assert.IsType<QueryResult>(_db.Database.Query(new Query("PRAGMA " + pragma)));
    }

    [Fact]
    public void A_client_may_set_the_values_stored_in_its_database_header()
    {
        _db.Exec("PRAGMA user_version = 7");
        _db.Exec("PRAGMA main.application_id = 42");
        Assert.Equal(7L, _db.Scalar("PRAGMA user_version").AsInteger());
        Assert.Equal(42L, _db.Scalar("PRAGMA application_id").AsInteger());

        // Written like a row: a failed batch takes it back.
        var failed = Assert.IsType<BatchFailed>(_db.Database.Batch(new Batch([new Statement("PRAGMA user_version = 8"), new Statement("INSERT INTO nowhere VALUES (1)")])));
        Assert.Equal(1, failed.StatementIndex);
        Assert.Equal(7L, _db.Scalar("PRAGMA user_version").AsInteger());
    }

    [Theory]
    [InlineData("CREATE TEMP TABLE shadow(x)", "TABLE shadow")]
    [InlineData("CREATE TEMPORARY TABLE shadow AS SELECT * FROM items", "TABLE shadow")]
    [InlineData("CREATE TABLE temp.shadow(x)", "TABLE shadow")]
    [InlineData("CREATE TEMP VIEW items AS SELECT 1 AS id", "VIEW items")]
    [InlineData("CREATE VIEW temp.v AS SELECT 1", "VIEW v")]
    [InlineData("CREATE TEMP TRIGGER rewrite AFTER INSERT ON items BEGIN UPDATE items SET qty = 0; END", "TRIGGER rewrite")]
    [InlineData("CREATE TRIGGER temp.rewrite AFTER INSERT ON items BEGIN UPDATE items SET qty = 0; END", "TRIGGER rewrite")]
    [InlineData("CREATE VIRTUAL TABLE temp.words USING fts5(w)", "VIRTUAL TABLE words")]
    public void Creating_a_temp_object_on_the_shared_connection_is_refused(string sql, string detail)
    {
        var refused = Assert.IsType<StatementRefused>(_db.Database.Execute(new Execute(sql)));
        Assert.Equal(RefusalReason.TempObject, refused.Reason);
        Assert.Equal(detail, refused.Detail);
        Assert.Contains("CTE", refused.Message.Replace("common table expression", "CTE", StringComparison.Ordinal), StringComparison.Ordinal);
        Assert.Equal(0L, _db.Scalar("SELECT count(*) FROM temp.sqlite_schema").AsInteger());
    }

    [Fact]
    public void Objects_in_the_database_itself_and_common_table_expressions_are_still_allowed()
    {
        _db.Exec("CREATE VIEW cheap AS SELECT * FROM items WHERE qty < 5");
        _db.Exec("CREATE TRIGGER audit AFTER INSERT ON items BEGIN INSERT INTO lines(item) VALUES (new.id); END");
        _db.Exec("CREATE VIRTUAL TABLE words USING fts5(w)");
        _db.Exec("INSERT INTO items(name, qty) VALUES ('a', 1)");
        Assert.Equal(1L, _db.Scalar("SELECT count(*) FROM lines").AsInteger());
        Assert.Equal(3L, _db.Scalar("WITH t(x) AS (VALUES (1), (2)) SELECT sum(x) FROM t").AsInteger());

        // Renaming updates the temp schema's catalogue too (for temp triggers that might name the table): not a temp object.
        _db.Exec("ALTER TABLE lines RENAME TO order_lines");
        _db.Exec("DROP TABLE order_lines");
    }

    public void Dispose() => _db.Dispose();
}
