
namespace AkkaRpc.Protocol.Tests;

/// <summary>At least one instance of every database message, with values at the edges of their fields.</summary>
internal static class SampleMessages
{
    public static readonly byte[] Blob100 = Enumerable.Range(0, 100).Select(i => (byte)i).ToArray();

    /// <summary>Every storage class, and the values of each most likely to be mangled on the way.</summary>
    public static SqlValue[] EdgeValues { get; } =
    [
        SqlValue.Null,
        SqlValue.FromInteger(0),
        SqlValue.FromInteger(-1),
        SqlValue.FromInteger(long.MinValue),
        SqlValue.FromInteger(long.MaxValue),
        SqlValue.FromReal(0.0),
        SqlValue.FromReal(-0.0),
        SqlValue.FromReal(double.PositiveInfinity),
        SqlValue.FromReal(double.NegativeInfinity),
        SqlValue.FromReal(double.Epsilon),
        SqlValue.FromReal(double.MaxValue),
        SqlValue.FromReal(Math.PI),
        SqlValue.FromText(string.Empty),
        SqlValue.FromText("plain"),
        SqlValue.FromText("naïve café — 日本語 — 🦀"),
        SqlValue.FromText("embedded\0NUL\0"),
        SqlValue.FromText(new string('t', 10_000)),
        SqlValue.FromBlob(Array.Empty<byte>()),
        SqlValue.FromBlob(new byte[] { 0 }),
        SqlValue.FromBlob(Blob100),
        SqlValue.FromBlob(new ReadOnlyMemory<byte>(Blob100, 10, 20)),
    ];

    /// <summary>A status with every field set, offsets and edge values included.</summary>
    public static NodeStatus SampleNodeStatus { get; } = new(
        "AkkaRpc",
        4242,
        ["akkarpc.tcp://AkkaRpc@127.0.0.1:4053", "akkarpc.unix://AkkaRpc@/run/user/1000/akkarpc/node.sock"],
        new DateTimeOffset(2030, 1, 2, 3, 4, 5, 678, TimeSpan.FromHours(-5.5)),
        int.MaxValue,
        TimeSpan.FromSeconds(60),
        [
            new DatabaseStatus("orders", DatabaseState.Open, 7, null),
            new DatabaseStatus("broken", DatabaseState.Reopening, 0, "SQLITE_IOERR: disk I/O error"),
            new DatabaseStatus("idle", DatabaseState.Closing, int.MaxValue, ""),
            new DatabaseStatus("garbage", DatabaseState.Unavailable, 0, "file is not a database"),
        ]);

    public static IEnumerable<object> All()
    {
        var named = SqlParameters.Named(("$id", 7), ("name", "x"), ("@blob", SqlValue.FromBlob([])));
        yield return new Query("select * from items where id = ?1", SqlParameters.Positional(7));
        yield return new Query("select 1");
        yield return new Query("select $id, name", named);
        yield return new Query("select ?", SqlParameters.Positional(EdgeValues));
        yield return new Query("select @x", SqlParameters.Named(Array.Empty<KeyValuePair<string, SqlValue>>()));
        yield return new Execute("insert into t values (?1, ?2)", SqlParameters.Positional(1, "a"));
        yield return new Execute("delete from t");
        yield return new Batch([]);
        yield return new Batch([new Statement("insert into t values (1)"), new Statement("update t set a = $a", SqlParameters.Named(("a", 2.5)))]);
        yield return new Query("select 1") { TimeLimit = TimeSpan.FromSeconds(30) };
        yield return new Query("select ?", SqlParameters.Positional(1)) { TimeLimit = TimeSpan.FromTicks(1) };
        yield return new Execute("delete from t") { TimeLimit = TimeSpan.MaxValue };
        yield return new Batch([new Statement("insert into t values (1)")]) { TimeLimit = TimeSpan.FromMinutes(5) };
        yield return new Transactional(9, new Execute("update t set a = 1") { TimeLimit = TimeSpan.FromMilliseconds(250) });
        yield return new Begin(TimeSpan.FromSeconds(30));
        yield return new Begin(TimeSpan.Zero);
        yield return new Begin(TimeSpan.MaxValue);
        yield return new Begin(TimeSpan.FromMinutes(1), ProtocolWire.Owner);
        yield return new Commit(1);
        yield return new Commit(long.MaxValue);
        yield return new Rollback(-1);
        yield return new Fetch(42);
        yield return new CloseCursor(long.MinValue);
        yield return new Ping();
        yield return new TargetDatabase();
        yield return new Transactional(9, new Query("select 1", SqlParameters.Positional(1)));
        yield return new Transactional(9, new Transactional(10, new Commit(10)));
        yield return new Resolve("orders");
        yield return new LocateOwner("orders");
        yield return new LocateOwner("a-database-name-of-some-length.v2");
        yield return QueryResultOf(EdgeValues.Select(v => new[] { v }).ToArray(), cursorId: null);
        yield return PointQueryResult();
        yield return new QueryResult([], [], null);
        yield return new QueryResult([new ColumnInfo("n", null)], [], 0);
        yield return new QueryResult([new ColumnInfo("n", "INTEGER")], [[1L], [2L]], long.MaxValue);
        yield return new ExecuteResult(0, 0);
        yield return new ExecuteResult(long.MaxValue, long.MinValue);
        yield return new BatchResult([]);
        yield return new BatchResult([new ExecuteResult(1, 10), new ExecuteResult(2, 11)]);
        yield return new TransactionStarted(5, TimeSpan.FromMinutes(1));
        yield return new TransactionEnded(5, true);
        yield return new TransactionEnded(6, false);
        yield return new CursorClosed(3);
        yield return new Pong("orders");
        yield return new TargetDatabaseInfo("orders", "/var/lib/akkarpc/orders.db", false);
        yield return new TargetDatabaseInfo("ro", "C:\\data\\ro.db", true);
        yield return new Resolved("orders", ProtocolWire.Owner);
        yield return new SqlError(19, 2067, "UNIQUE constraint failed: items.id");
        yield return new SqlError(int.MinValue, int.MaxValue, string.Empty);
        yield return new Busy(5, "database is locked");
        yield return new BatchFailed(1, new SqlError(1, 1, "no such table: t"));
        yield return new BatchFailed(0, new BatchFailed(2, new Busy(6, "locked")));
        yield return new CursorNotFound(77);
        yield return new DatabaseNotFound("missing");
        yield return new DatabaseUnavailable("orders", "disk I/O error");
        yield return new OwnerStopped("orders");
        yield return new OwnerLost("orders", "akka.rpc.tcp://AkkaRpc@127.0.0.1:4054");
        yield return new InvalidDatabaseName("../etc", "contains '..'");
        foreach (var limit in Enum.GetValues<LimitKind>())
        {
            yield return new LimitExceeded(limit, 100, 101);
        }

        foreach (var reason in Enum.GetValues<RefusalReason>())
        {
            yield return new StatementRefused(reason, "detail");
        }

        yield return new StatementTimedOut("WITH RECURSIVE c(x) AS (SELECT 1 UNION ALL SELECT x + 1 FROM c) SELECT count(*) FROM c", TimeSpan.FromSeconds(30), TimeSpan.FromMinutes(5), false);
        yield return new StatementTimedOut(string.Empty, TimeSpan.MaxValue, TimeSpan.FromTicks(1), true);
        yield return new BatchFailed(3, new StatementTimedOut("update t set a = a + 1", TimeSpan.FromMilliseconds(1), TimeSpan.FromSeconds(1), true));
        yield return new TransactionInProgress(8);
        yield return new TransactionLeaseExpired(8);
        yield return new TransactionNotFound(8);
        yield return new Overloaded("orders", 1000);
        yield return new LeaseOutOfRange(TimeSpan.FromHours(2), TimeSpan.FromMinutes(5));
        yield return GetNodeStatus.Instance;
        yield return new StopNode("akkarpc stop — naïve reason 🦀");
        yield return new StopNode("");
        yield return new NodeStopping(int.MaxValue);
        yield return SampleNodeStatus;
        yield return new NodeStatus("Empty", 1, [], DateTimeOffset.MinValue, 0, null, []);
    }

    /// <summary>The answer to a point query: one row of an integer, a real, a short text, a null and a 100-byte blob.</summary>
    public static QueryResult PointQueryResult() =>
        QueryResultOf([[SqlValue.FromInteger(7), SqlValue.FromReal(19.99), SqlValue.FromText("widget"), SqlValue.Null, SqlValue.FromBlob(Blob100)]], cursorId: null);

    public static QueryResult QueryResultOf(SqlValue[][] rows, long? cursorId)
    {
        var width = rows.Length == 0 ? 1 : rows[0].Length;
        var columns = Enumerable.Range(0, width).Select(i => new ColumnInfo($"c{i}", i % 2 == 0 ? "TEXT" : null)).ToArray();
        return new QueryResult(columns, rows, cursorId);
    }
}
