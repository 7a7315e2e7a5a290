using Microsoft.Data.Sqlite;

namespace AkkaRpc.Sqlite.Tests;

public sealed class ConcurrencyAndDurabilityTests : IDisposable
{
    private readonly TestDatabase _db = new(o => o.BusyTimeout = TimeSpan.Zero);

    private string FilePath => Path.Combine(_db.Directory, "test.db");

    [Fact]
    public void Acknowledged_write_is_visible_to_another_connection_before_the_owner_closes()
    {
        _db.Exec("CREATE TABLE t(x)");
        _db.Exec("INSERT INTO t VALUES (42)");
        using var other = OpenOther();
        using var command = other.CreateCommand();
        command.CommandText = "SELECT x FROM t";
        Assert.Equal(42L, command.ExecuteScalar());
    }

    [Fact]
    public void Write_while_another_process_holds_the_write_lock_is_a_busy_reply_and_changes_nothing()
    {
        _db.Exec("CREATE TABLE t(x)");
        using var other = OpenOther();
        using (var begin = other.CreateCommand())
        {
            begin.CommandText = "BEGIN IMMEDIATE";
            begin.ExecuteNonQuery();
        }

        var busy = Assert.IsType<Busy>(_db.Database.Execute(new Execute("INSERT INTO t VALUES (1)")));
        Assert.Equal(5, busy.ExtendedCode & 0xFF);
        Assert.IsType<Busy>(_db.Database.Begin(new Begin(TimeSpan.FromSeconds(1))));
        Assert.IsType<Busy>(_db.Database.Batch(new Batch([new Statement("INSERT INTO t VALUES (1)")])));
        Assert.Equal(0L, _db.Scalar("SELECT count(*) FROM t").AsInteger()); // Readers are not blocked in WAL mode.

        using (var rollback = other.CreateCommand())
        {
            rollback.CommandText = "ROLLBACK";
            rollback.ExecuteNonQuery();
        }

        Assert.Equal(1, _db.Exec("INSERT INTO t VALUES (1)").RowsAffected);
    }

    [Fact]
    public void Authorizer_keeps_working_after_garbage_collection()
    {
        for (var i = 0; i < 3; i++)
        {
            GC.Collect();
            GC.WaitForPendingFinalizers();
            Assert.Equal(RefusalReason.Attach, Assert.IsType<StatementRefused>(_db.Database.Execute(new Execute($"ATTACH 'x{i}.db' AS x"))).Reason);
        }
    }

    [Fact]
    public void Expired_lease_rolls_the_transaction_back()
    {
        _db.Exec("CREATE TABLE t(x)");
        var started = Assert.IsType<TransactionStarted>(_db.Database.Begin(new Begin(TimeSpan.FromSeconds(5))));
        _db.Exec("INSERT INTO t VALUES (1)");
        Assert.Equal(new TransactionLeaseExpired(started.TransactionId), _db.Database.ExpireTransaction(started.TransactionId));
        Assert.IsType<TransactionNotFound>(_db.Database.Commit(new Commit(started.TransactionId)));
        Assert.Equal(0L, _db.Scalar("SELECT count(*) FROM t").AsInteger());
    }

    [Fact]
    public void Committed_transaction_is_visible_to_another_connection()
    {
        _db.Exec("CREATE TABLE t(x)");
        var started = Assert.IsType<TransactionStarted>(_db.Database.Begin(new Begin(TimeSpan.FromSeconds(5))));
        _db.Exec("INSERT INTO t VALUES (1)");
        using var other = OpenOther();
        using var count = other.CreateCommand();
        count.CommandText = "SELECT count(*) FROM t";
        Assert.Equal(0L, count.ExecuteScalar());
        _db.Database.Commit(new Commit(started.TransactionId));
        Assert.Equal(1L, count.ExecuteScalar());
    }

    private SqliteConnection OpenOther()
    {
        var connection = new SqliteConnection($"Data Source={FilePath};Pooling=False;Default Timeout=0");
        connection.Open();
        return connection;
    }

    public void Dispose() => _db.Dispose();
}
