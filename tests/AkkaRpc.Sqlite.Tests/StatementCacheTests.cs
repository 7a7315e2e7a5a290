namespace AkkaRpc.Sqlite.Tests;

public sealed class StatementCacheTests : IDisposable
{
    private readonly TestDatabase _db = new(o =>
    {
        o.StatementCacheCapacity = 2;
        o.MaxRowsPerChunk = 10;
    });

    [Fact]
    public void Cache_holds_at_most_its_capacity_and_evicted_statements_still_run()
    {
        _db.Exec("CREATE TABLE t(x)");
        for (var round = 0; round < 2; round++)
        {
            for (var i = 0; i < 5; i++)
            {
                _db.Exec($"INSERT INTO t VALUES ({i})");
                Assert.InRange(_db.Database.WriterCachedStatements, 1, 2);
            }
        }

        Assert.Equal(10L, _db.Scalar("SELECT count(*) FROM t").AsInteger());
    }

    [Fact]
    public void Two_cursors_over_the_same_sql_do_not_share_a_statement()
    {
        _db.Exec("CREATE TABLE n(i INTEGER PRIMARY KEY)");
        _db.Exec("WITH RECURSIVE s(x) AS (SELECT 1 UNION ALL SELECT x + 1 FROM s WHERE x < 25) INSERT INTO n SELECT x FROM s");
        var a = _db.Query("SELECT i FROM n ORDER BY i");
        var b = _db.Query("SELECT i FROM n ORDER BY i");
        var seenA = a.Rows.Select(r => r[0].AsInteger()).ToList();
        var seenB = b.Rows.Select(r => r[0].AsInteger()).ToList();
        while (a.HasMore || b.HasMore)
        {
            if (a.HasMore)
            {
                a = Assert.IsType<QueryResult>(_db.Database.Fetch(new Fetch(a.CursorId!.Value)));
                seenA.AddRange(a.Rows.Select(r => r[0].AsInteger()));
            }

            if (b.HasMore)
            {
                b = Assert.IsType<QueryResult>(_db.Database.Fetch(new Fetch(b.CursorId!.Value)));
                seenB.AddRange(b.Rows.Select(r => r[0].AsInteger()));
            }
        }

        var expected = Enumerable.Range(1, 25).Select(i => (long)i).ToList();
        Assert.Equal(expected, seenA);
        Assert.Equal(expected, seenB);
    }

    public void Dispose() => _db.Dispose();
}
