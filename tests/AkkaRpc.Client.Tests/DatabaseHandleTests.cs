namespace AkkaRpc.Client.Tests;

public sealed class DatabaseHandleTests : IAsyncLifetime
{
    private TestNode _node = null!;
    private AkkaRpcDatabase _db = null!;

    public async Task InitializeAsync()
    {
        _node = await TestNode.StartAsync();
        _db = await AkkaRpcClient.ConnectAsync("orders", _node.ClientOptions());
        await _db.ExecuteAsync("CREATE TABLE items(id INTEGER PRIMARY KEY, name TEXT NOT NULL UNIQUE, price REAL, data BLOB)");
    }

    public async Task DisposeAsync()
    {
        await _db.DisposeAsync();
        await _node.DisposeAsync();
    }

    private sealed record Item(long Id, string Name, double? Price);

    private sealed class MutableItem
    {
        public int Id { get; set; }

        public string? Name { get; set; }
    }

    [Fact]
    public async Task Parameters_FromAnAnonymousObject_ADictionary_AndAList_BindTheSameWay()
    {
        await _db.ExecuteAsync("INSERT INTO items(id, name, price) VALUES ($id, $name, $price)", new { id = 1, name = "anon", price = 1.5 });
        await _db.ExecuteAsync("INSERT INTO items(id, name, price) VALUES (:id, :name, :price)", new Dictionary<string, object?> { ["id"] = 2, ["name"] = "dict", ["price"] = null });
        await _db.ExecuteAsync("INSERT INTO items(id, name, price) VALUES (?, ?, ?)", new object?[] { 3, "list", 3.25 });

        var rows = await _db.QueryAsync("SELECT id, name, price FROM items ORDER BY id");

        Assert.Equal(3, rows.Count);
        Assert.Equal(["id", "name", "price"], rows.Columns);
        Assert.Equal("anon", rows[0]["name"]);
        Assert.Equal(1.5, rows[0]["PRICE"]);
        Assert.Null(rows[1][2]);
        Assert.Equal(3L, rows[2]["id"]);
    }

    [Fact]
    public async Task TypedQuery_MapsRecordsByConstructor_ClassesByProperty_AndScalars()
    {
        await _db.ExecuteAsync("INSERT INTO items(id, name, price) VALUES (7, 'seven', NULL), (8, 'eight', 8.5)");

        var records = await _db.QueryAsync<Item>("SELECT id, name, price FROM items ORDER BY id");
        var mutable = await _db.QueryAsync<MutableItem>("SELECT id AS Id, name FROM items ORDER BY id");
        var names = await _db.QueryAsync<string>("SELECT name FROM items ORDER BY id");
        var count = await _db.QueryAsync<int>("SELECT count(*) FROM items");

        Assert.Equal([new Item(7, "seven", null), new Item(8, "eight", 8.5)], records);
        Assert.Equal([7, 8], mutable.Select(m => m.Id));
        Assert.Equal(["seven", "eight"], names);
        Assert.Equal(2, Assert.Single(count));
    }

    [Fact]
    public async Task TypedQuery_WithAColumnMissing_SaysWhichColumnsItHasAndWhatItWants()
    {
        await _db.ExecuteAsync("INSERT INTO items(id, name) VALUES (1, 'x')");

        var error = await Assert.ThrowsAsync<InvalidCastException>(() => _db.QueryAsync<Item>("SELECT id FROM items"));

        Assert.Contains("(id)", error.Message, StringComparison.Ordinal);
        Assert.Contains("price", error.Message, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task Blobs_RoundTripExactly_AndLargeResultsArriveWhole()
    {
        var blob = new byte[300_000];
        Random.Shared.NextBytes(blob);
        await _db.ExecuteAsync("INSERT INTO items(id, name, data) VALUES (1, 'blob', $data)", new { data = blob });
        await _db.BatchAsync(Enumerable.Range(2, 2_500).Select(i => ("INSERT INTO items(id, name) VALUES ($id, $name)", (object?)new { id = i, name = "n" + i })));

        var back = (byte[])(await _db.QueryAsync("SELECT data FROM items WHERE id = 1")).Scalar()!;
        var all = await _db.QueryAsync<long>("SELECT id FROM items ORDER BY id");

        Assert.Equal(blob, back);
        Assert.Equal(Enumerable.Range(1, 2_501).Select(i => (long)i), all); // more rows than one page (1,000)
    }

    [Fact]
    public async Task ASqlError_IsASqlErrorException_WithSqlitesCodes_AndTheHandleKeepsWorking()
    {
        await _db.ExecuteAsync("INSERT INTO items(id, name) VALUES (1, 'one')");

        var duplicate = await Assert.ThrowsAsync<SqlErrorException>(() => _db.ExecuteAsync("INSERT INTO items(id, name) VALUES (2, 'one')"));
        var syntax = await Assert.ThrowsAsync<SqlErrorException>(() => _db.QueryAsync("SELEC 1"));

        Assert.Equal(19, duplicate.PrimaryCode); // SQLITE_CONSTRAINT
        Assert.Equal(2067, duplicate.ExtendedCode); // SQLITE_CONSTRAINT_UNIQUE
        Assert.Contains("UNIQUE", duplicate.Message, StringComparison.Ordinal);
        Assert.Equal(1, syntax.PrimaryCode);
        Assert.False(duplicate.OutcomeUnknown);
        Assert.Equal(1L, (await _db.QueryAsync("SELECT count(*) FROM items")).Scalar());
    }

    [Fact]
    public async Task AFailedBatch_ChangesNothing_AndNamesTheStatement()
    {
        var error = await Assert.ThrowsAsync<SqlErrorException>(() => _db.BatchAsync(
        [
            ("INSERT INTO items(id, name) VALUES (1, 'a')", null),
            ("INSERT INTO items(id, name) VALUES (2, NULL)", null),
        ]));

        Assert.Equal(19, error.PrimaryCode);
        Assert.Contains("Statement 1 ", error.Message, StringComparison.Ordinal); // 0-based: the second one
        Assert.Equal(0L, (await _db.QueryAsync("SELECT count(*) FROM items")).Scalar());
    }

    [Fact]
    public async Task BadParameters_AreRefusedBeforeAnythingIsSent_WithTheReason()
    {
        var single = Assert.Throws<ArgumentException>(() => _db.ExecuteAsync("INSERT INTO items(name) VALUES (?)", "just a string").GetAwaiter().GetResult());
        var type = await Assert.ThrowsAsync<ArgumentException>(() => _db.ExecuteAsync("INSERT INTO items(name) VALUES ($name)", new { name = new object() }));
        var missing = await Assert.ThrowsAsync<SqlErrorException>(() => _db.ExecuteAsync("INSERT INTO items(id, name) VALUES ($id, $name)", new { id = 1 }));

        Assert.Contains("wrap it", single.Message, StringComparison.Ordinal);
        Assert.Contains("'name'", type.Message, StringComparison.Ordinal);
        Assert.Contains("name", missing.Message, StringComparison.Ordinal);
        Assert.Equal(0L, (await _db.QueryAsync("SELECT count(*) FROM items")).Scalar());
    }

    [Fact]
    public async Task Transaction_CommitKeepsEverything_DisposeWithoutCommitRollsBack()
    {
        await using (var tx = await _db.BeginTransactionAsync())
        {
            await tx.ExecuteAsync("INSERT INTO items(id, name) VALUES (1, 'kept')");
            Assert.Equal(1L, (await tx.QueryAsync("SELECT count(*) FROM items")).Scalar());
            await tx.CommitAsync();
        }

        await using (var tx = await _db.BeginTransactionAsync())
        {
            await tx.ExecuteAsync("INSERT INTO items(id, name) VALUES (2, 'dropped')");
        }

        Assert.Equal(["kept"], await _db.QueryAsync<string>("SELECT name FROM items"));
    }

    [Fact]
    public async Task Transaction_OthersWaitForIt_AndRunInOrderAfterCommit()
    {
        await using var other = await AkkaRpcClient.ConnectAsync("orders", _node.ClientOptions());
        var tx = await _db.BeginTransactionAsync();
        await tx.ExecuteAsync("INSERT INTO items(id, name) VALUES (1, 'first')");

        var waiting = other.ExecuteAsync("INSERT INTO items(id, name) VALUES (2, 'second')");
        await tx.ExecuteAsync("UPDATE items SET name = 'first!' WHERE id = 1");
        Assert.False(waiting.IsCompleted);
        await tx.CommitAsync();
        await waiting;

        Assert.Equal(["first!", "second"], await _db.QueryAsync<string>("SELECT name FROM items ORDER BY id"));
        await Assert.ThrowsAsync<InvalidOperationException>(() => tx.ExecuteAsync("SELECT 1"));
    }

    [Fact]
    public async Task Transaction_WhoseLeaseExpires_IsRolledBack_AndSaysSo()
    {
        await using var other = await AkkaRpcClient.ConnectAsync("orders", _node.ClientOptions());
        var tx = await _db.BeginTransactionAsync(TimeSpan.FromMilliseconds(200));
        await tx.ExecuteAsync("INSERT INTO items(id, name) VALUES (1, 'lost')");

        // Another client's request waits for the transaction; it runs when the lease expires and the node rolls back.
        Assert.Equal(0L, (await other.QueryAsync("SELECT count(*) FROM items")).Scalar());
        var error = await Assert.ThrowsAsync<TransactionException>(() => tx.QueryAsync("SELECT 1"));

        Assert.Contains(tx.Id.ToString(System.Globalization.CultureInfo.InvariantCulture), error.Message, StringComparison.Ordinal);
        Assert.Equal(0L, (await _db.QueryAsync("SELECT count(*) FROM items")).Scalar());
    }

    [Fact]
    public async Task Transaction_WhoseClientGoesAway_IsRolledBackAtOnce_NotAfterItsLease()
    {
        var holder = await AkkaRpcClient.ConnectAsync("orders", _node.ClientOptions());
        var tx = await holder.BeginTransactionAsync(TimeSpan.FromMinutes(5));
        await tx.ExecuteAsync("INSERT INTO items(id, name) VALUES (1, 'abandoned')");
        await using var other = await AkkaRpcClient.ConnectAsync("orders", _node.ClientOptions());
        var waiting = other.QueryAsync("SELECT count(*) FROM items");

        // The holder's process goes away (its private runtime stops) without committing or rolling back.
        await holder.DisposeAsync();

        // The waiting query runs long before the 5-minute lease: the node watched the holder and rolled back.
        Assert.Equal(0L, (await waiting.WaitAsync(TestNode.Ceiling)).Scalar());
    }

    [Fact]
    public async Task PingAndTargetDatabase_DescribeTheOwner()
    {
        var elapsed = await _db.PingAsync();
        var target = await _db.TargetDatabaseAsync();

        Assert.True(elapsed > TimeSpan.Zero);
        Assert.Equal("orders", target.Name);
        Assert.StartsWith(_node.DataDirectory, target.FullPath, StringComparison.Ordinal);
        Assert.False(target.ReadOnly);
    }

    [Fact]
    public async Task ManyThreads_ShareOneHandle_AndEveryWriteLands()
    {
        const int Writers = 16;
        const int Each = 50;

        await Task.WhenAll(Enumerable.Range(0, Writers).Select(w => Task.Run(async () =>
        {
            for (var i = 0; i < Each; i++)
            {
                await _db.ExecuteAsync("INSERT INTO items(name) VALUES ($name)", new { name = $"w{w}-{i}" });
            }
        })));

        Assert.Equal((long)Writers * Each, (await _db.QueryAsync("SELECT count(*) FROM items")).Scalar());
    }

    [Fact]
    public async Task ARequestThatTakesTooLong_FailsWithRequestTimeout_AsOutcomeUnknown()
    {
        // Queued behind another client's transaction, the query has not started, so no statement time limit stops it:
        // only the client's own timeout ends the wait, and the query may still run once the transaction ends.
        await using var holder = await AkkaRpcClient.ConnectAsync("orders", _node.ClientOptions());
        var tx = await holder.BeginTransactionAsync(TimeSpan.FromMinutes(1));
        var error = await Assert.ThrowsAsync<RequestTimeoutException>(() => _db.QueryAsync(
            "SELECT count(*) FROM items", options: new RequestOptions(Timeout: TimeSpan.FromMilliseconds(20))));

        Assert.True(error.OutcomeUnknown);
        Assert.Contains("timeout", error.Message, StringComparison.OrdinalIgnoreCase);
        await tx.CommitAsync();
        Assert.Equal(0L, (await _db.QueryAsync("SELECT count(*) FROM items")).Scalar()); // answered once the transaction ended
    }

    [Fact]
    public async Task MoreRequestsThanTheOwnersQueueHolds_AreRefusedAsBusy_AndEveryOtherOneIsAnswered()
    {
        // The owner's queue holds 1,000 requests (databases.mailbox-capacity). Another client's transaction holds the owner
        // (however fast this machine is), so they wait, and the rest are refused at once.
        await using var holder = await AkkaRpcClient.ConnectAsync("orders", _node.ClientOptions());
        var tx = await holder.BeginTransactionAsync(TimeSpan.FromMinutes(1));
        var queries = Enumerable.Range(0, 2_000).Select(i => _db.QueryAsync("SELECT $i", new { i })).ToList();

        // Nothing can be answered while the transaction holds the owner: the first to end is a refusal.
        var first = await Task.WhenAny(queries).WaitAsync(TestNode.Ceiling);
        var busy = Assert.IsType<DatabaseBusyException>(first.Exception?.InnerException);
        await tx.CommitAsync();
        await Task.WhenAll(queries.Select(q => q.ContinueWith(_ => { }, TaskScheduler.Default))).WaitAsync(TestNode.Ceiling);

        Assert.Contains("queue", busy.Message, StringComparison.Ordinal);
        Assert.False(busy.OutcomeUnknown);
        var answered = queries.Select((q, i) => (q, i)).Where(t => t.q.IsCompletedSuccessfully).ToList();
        Assert.All(answered, t => Assert.Equal((long)t.i, t.q.Result.Scalar())); // each answer is its own request's
        Assert.Equal(2_000, answered.Count + queries.Count(q => q.Exception?.InnerException is DatabaseBusyException));
        Assert.InRange(answered.Count, 900, 1_999);
        Assert.Equal(1L, (await _db.QueryAsync("SELECT 1")).Scalar());
    }

    [Fact]
    public async Task Cancellation_StopsWaiting()
    {
        using var cancel = new CancellationTokenSource();
        cancel.Cancel();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => _db.QueryAsync("SELECT 1", cancellationToken: cancel.Token));
        Assert.Equal(1L, (await _db.QueryAsync("SELECT 1")).Scalar());
    }

    [Fact]
    public async Task ARefusedStatement_IsStatementRefused()
    {
        var error = await Assert.ThrowsAsync<StatementRefusedException>(() => _db.ExecuteAsync("ATTACH DATABASE '/tmp/x.db' AS x"));

        Assert.Contains("ATTACH", error.Message, StringComparison.OrdinalIgnoreCase);
    }
}
