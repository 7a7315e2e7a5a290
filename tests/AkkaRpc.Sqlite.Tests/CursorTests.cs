using Akka.Actor;

namespace AkkaRpc.Sqlite.Tests;

public sealed class CursorTests : IDisposable
{
    private readonly TestDatabase _db = new(o =>
    {
        o.MaxRowsPerChunk = 1000;
        o.CursorIdleExpiry = TimeSpan.FromSeconds(30);
    });

    [Fact]
    public void A_100000_row_result_pages_every_row_exactly_once_in_order_within_the_row_limit()
    {
        _db.Exec("CREATE TABLE n(i INTEGER PRIMARY KEY)");
        _db.Exec("WITH RECURSIVE s(x) AS (SELECT 1 UNION ALL SELECT x + 1 FROM s WHERE x < 100000) INSERT INTO n SELECT x FROM s");

        var chunk = _db.Query("SELECT i FROM n ORDER BY i");
        var expected = 1L;
        var chunks = 1;
        while (true)
        {
            Assert.InRange(chunk.Rows.Count, 1, 1000);
            foreach (var row in chunk.Rows)
            {
                Assert.Equal(expected++, row[0].AsInteger());
            }

            if (!chunk.HasMore)
            {
                break;
            }

            chunk = Assert.IsType<QueryResult>(_db.Database.Fetch(new Fetch(chunk.CursorId!.Value)));
            chunks++;
        }

        Assert.Equal(100_001L, expected);
        Assert.Equal(100, chunks);
        Assert.Equal(0, _db.Database.OpenCursors);
    }

    [Fact]
    public void Chunks_respect_the_byte_limit_with_big_blobs()
    {
        var db = _db.Reopen(o => o.MaxBytesPerChunk = 100_000);
        _db.Exec("CREATE TABLE b(i INTEGER PRIMARY KEY, data BLOB)");
        _db.Exec("WITH RECURSIVE s(x) AS (SELECT 1 UNION ALL SELECT x + 1 FROM s WHERE x < 20) INSERT INTO b SELECT x, randomblob(30000) FROM s");
        _db.Exec("INSERT INTO b VALUES (21, randomblob(250000))"); // Bigger than a chunk: goes out alone.

        var seen = new List<long>();
        var reply = db.Query(new Query("SELECT i, data FROM b ORDER BY i"));
        while (true)
        {
            var chunk = Assert.IsType<QueryResult>(reply);
            var bytes = chunk.Rows.Sum(r => r[1].AsBlob().Length + 8);
            Assert.True(bytes <= 100_000 || chunk.Rows.Count == 1, $"chunk of {chunk.Rows.Count} rows has {bytes} bytes");
            seen.AddRange(chunk.Rows.Select(r => r[0].AsInteger()));
            if (!chunk.HasMore)
            {
                break;
            }

            reply = db.Fetch(new Fetch(chunk.CursorId!.Value));
        }

        Assert.Equal(Enumerable.Range(1, 21).Select(i => (long)i), seen);
    }

    [Fact]
    public void Cursor_expires_after_idling_and_then_is_not_found()
    {
        SeedRows(3000);
        var first = _db.Query("SELECT i FROM n");
        var id = first.CursorId!.Value;
        _db.Clock.Advance(TimeSpan.FromSeconds(29));
        Assert.IsType<QueryResult>(_db.Database.Fetch(new Fetch(id)));
        _db.Clock.Advance(TimeSpan.FromSeconds(30));
        Assert.Equal(new CursorNotFound(id), _db.Database.Fetch(new Fetch(id)));
        Assert.Equal(0, _db.Database.OpenCursors);
    }

    [Fact]
    public void Closed_cursor_is_not_found_afterwards()
    {
        SeedRows(2000);
        var id = _db.Query("SELECT i FROM n").CursorId!.Value;
        Assert.Equal(new CursorClosed(id), _db.Database.CloseCursor(new CloseCursor(id)));
        Assert.IsType<CursorNotFound>(_db.Database.Fetch(new Fetch(id)));
        Assert.IsType<CursorNotFound>(_db.Database.CloseCursor(new CloseCursor(id)));
    }

    [Fact]
    public void Open_cursor_reads_a_stable_snapshot_while_writes_commit()
    {
        SeedRows(1500);
        var first = _db.Query("SELECT i FROM n ORDER BY i");
        _db.Exec("DELETE FROM n WHERE i > 1000");
        _db.Exec("INSERT INTO n VALUES (99999)");
        Assert.Equal(1001L, _db.Scalar("SELECT count(*) FROM n").AsInteger()); // New reads see the writes.

        var rest = Assert.IsType<QueryResult>(_db.Database.Fetch(new Fetch(first.CursorId!.Value)));
        Assert.Equal(Enumerable.Range(1001, 500).Select(i => (long)i), rest.Rows.Select(r => r[0].AsInteger()));
        Assert.False(rest.HasMore);
    }

    [Fact]
    public void Too_many_open_cursors_is_a_limit_error()
    {
        var db = _db.Reopen(o => o.MaxOpenCursors = 2);
        SeedRows(2000);
        Assert.True(_db.Query("SELECT i FROM n").HasMore);
        Assert.True(_db.Query("SELECT i FROM n").HasMore);
        Assert.Equal(LimitKind.OpenCursors, Assert.IsType<LimitExceeded>(db.Query(new Query("SELECT i FROM n"))).Limit);
        Assert.Equal(1L, _db.Scalar("SELECT 1").AsInteger()); // Results that fit in one chunk need no cursor.
    }

    [Fact]
    public void A_client_holding_its_share_of_cursors_is_refused_more_while_other_clients_still_open_theirs()
    {
        var db = ReopenWithCursorLimits(perClient: 2, total: 10);
        var greedy = new Address("akka.rpc.tcp", "Greedy", "127.0.0.1", 1);
        var polite = new Address("akka.rpc.tcp", "Polite", "127.0.0.1", 2);

        Assert.True(Open(db, greedy).HasMore);
        Assert.True(Open(db, greedy).HasMore);
        var refused = Assert.IsType<LimitExceeded>(db.Query(new Query("SELECT i FROM n"), greedy));
        Assert.Equal(new LimitExceeded(LimitKind.ClientCursors, 2, 3), refused);
        Assert.Contains("You already hold 2 open cursors", refused.Message, StringComparison.Ordinal);

        // The others are not held to the greedy client's count.
        var mine = Open(db, polite);
        Assert.True(Open(db, polite).HasMore);
        Assert.True(Open(db, client: null).HasMore);
        Assert.Equal(5, db.OpenCursors);
        Assert.IsType<QueryResult>(db.Fetch(new Fetch(mine.CursorId!.Value), polite));
    }

    [Fact]
    public void The_total_of_all_clients_cursors_is_still_bounded()
    {
        var db = ReopenWithCursorLimits(perClient: 2, total: 3);
        var a = new Address("akka.rpc.unix", "A", "%2Frun%2Fa.sock", 0);
        var b = new Address("akka.rpc.unix", "B", "%2Frun%2Fb.sock", 0);
        Open(db, a);
        Open(db, a);
        Open(db, b);
        Assert.Equal(new LimitExceeded(LimitKind.OpenCursors, 3, 4), db.Query(new Query("SELECT i FROM n"), b));
    }

    [Fact]
    public void Only_the_client_that_opened_a_cursor_may_fetch_or_close_it()
    {
        SeedRows(3000);
        var owner = new Address("akka.rpc.tcp", "Owner", "127.0.0.1", 1);
        var thief = new Address("akka.rpc.tcp", "Thief", "127.0.0.1", 2);
        var id = Open(_db.Database, owner).CursorId!.Value;

        Assert.Equal(new CursorNotFound(id), _db.Database.Fetch(new Fetch(id), thief));
        Assert.Equal(new CursorNotFound(id), _db.Database.CloseCursor(new CloseCursor(id), thief));
        Assert.IsType<QueryResult>(_db.Database.Fetch(new Fetch(id), owner));
        Assert.Equal(new CursorClosed(id), _db.Database.CloseCursor(new CloseCursor(id), owner));
    }

    [Fact]
    public void A_clients_cursors_close_when_it_goes_and_the_others_stay()
    {
        SeedRows(2000);
        var gone = new Address("akka.rpc.tcp", "Gone", "127.0.0.1", 1);
        var staying = new Address("akka.rpc.tcp", "Staying", "127.0.0.1", 2);
        var first = Open(_db.Database, gone).CursorId!.Value;
        Open(_db.Database, gone);
        var kept = Open(_db.Database, staying).CursorId!.Value;

        Assert.Equal(2, _db.Database.CloseCursorsOf(gone));

        Assert.IsType<CursorNotFound>(_db.Database.Fetch(new Fetch(first), gone));
        Assert.Equal(1, _db.Database.OpenCursors);
        Assert.IsType<QueryResult>(_db.Database.Fetch(new Fetch(kept), staying));
        Assert.Equal(0, _db.Database.CloseCursorsOf(gone));
    }

    [Fact]
    public void Cursor_inside_a_transaction_is_closed_when_it_ends()
    {
        SeedRows(2000);
        var started = Assert.IsType<TransactionStarted>(_db.Database.Begin(new Begin(TimeSpan.FromSeconds(5))));
        var id = _db.Query("SELECT i FROM n").CursorId!.Value;
        _db.Database.Commit(new Commit(started.TransactionId));
        Assert.IsType<CursorNotFound>(_db.Database.Fetch(new Fetch(id)));
    }

    [Fact]
    public void Large_returning_output_is_paged_from_memory_after_the_write_committed()
    {
        SeedRows(2500);
        var first = _db.Query("DELETE FROM n RETURNING i");
        Assert.True(first.HasMore);
        Assert.Equal(0L, _db.Scalar("SELECT count(*) FROM n").AsInteger());
        var count = first.Rows.Count;
        for (var reply = _db.Database.Fetch(new Fetch(first.CursorId!.Value)); ; reply = _db.Database.Fetch(new Fetch(((QueryResult)reply).CursorId!.Value)))
        {
            var chunk = Assert.IsType<QueryResult>(reply);
            count += chunk.Rows.Count;
            if (!chunk.HasMore)
            {
                break;
            }
        }

        Assert.Equal(2500, count);
    }

    private SqliteDatabase ReopenWithCursorLimits(int perClient, int total)
    {
        var db = _db.Reopen(o =>
        {
            o.MaxCursorsPerClient = perClient;
            o.MaxOpenCursors = total;
        });
        SeedRows(2000);
        return db;
    }

    private static QueryResult Open(SqliteDatabase db, Address? client)
    {
        var first = Assert.IsType<QueryResult>(db.Query(new Query("SELECT i FROM n"), client));
        Assert.True(first.HasMore);
        return first;
    }

    private void SeedRows(int count)
    {
        _db.Exec("CREATE TABLE n(i INTEGER PRIMARY KEY)");
        _db.Exec("WITH RECURSIVE s(x) AS (SELECT 1 UNION ALL SELECT x + 1 FROM s WHERE x < ?) INSERT INTO n SELECT x FROM s", SqlParameters.Positional(count));
    }

    public void Dispose() => _db.Dispose();
}
